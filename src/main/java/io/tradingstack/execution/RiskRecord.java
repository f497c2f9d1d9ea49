package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.risk.RiskDecision;
import io.tradingstack.risk.TradeRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One decision of the live risk gate on one order, as stored in {@code risk_decisions}: the order,
 * what was asked ({@code request}), what the engine decided, and where the order stands (PENDING
 * until the ledger answers, APPROVED, BLOCKED with its code, VOIDED when approved but not admitted).
 */
public record RiskRecord(LocalDate day, String orderId, String requestId, TradeRequest request, BigDecimal qty,
                         RiskDecision decision, Status status, ErrorCode code, BigDecimal multiplier, boolean counts,
                         BigDecimal budget) {

    public enum Status { PENDING, APPROVED, BLOCKED, VOIDED }

    public RiskRecord {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(status, "status");
        if ((status == Status.BLOCKED) != (code != null && decision.reason() != null)) {
            throw new IllegalArgumentException("a blocked decision, and only one, carries a reason and a code");
        }
        budget = budget == null ? BigDecimal.ZERO : budget;
    }
}
