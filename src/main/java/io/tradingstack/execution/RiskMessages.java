package io.tradingstack.execution;

import io.tradingstack.ledger.OrderRequest;
import io.tradingstack.risk.RiskAdjustment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The records of the live risk gate's bus endpoints ({@code ts.risk.*}), each with a codec. */
public final class RiskMessages {
    public static final List<Class<? extends Record>> TYPES = List.of(AdmitRequest.class, Admit.class, Adjust.class,
            Revoke.class, AdjustmentsQuery.class, Adjustments.class, EnforcementQuery.class, Enforcement.class, RiskAdjustment.class);

    private RiskMessages() {
    }

    /**
     * Body of {@code ts.risk.admit}: orders that passed the stateless checks, each with the price it
     * is judged at (what a market order would pay now, or its limit) and its declared stop. Answered
     * with the ledger's {@code ReserveReply}: the gate's rejections, or the ledger's verdicts.
     */
    public record AdmitRequest(String requestId, List<Admit> orders, boolean allOrNothing) {
        public AdmitRequest {
            Objects.requireNonNull(requestId, "requestId");
            if (orders == null || orders.isEmpty()) {
                throw new IllegalArgumentException("orders must not be empty");
            }
            orders = List.copyOf(orders);
        }
    }

    public record Admit(OrderRequest order, BigDecimal price, BigDecimal stopPrice, String triggerId, String triggerCategory) {
        /** An order no spec trigger asked for. */
        public Admit(OrderRequest order, BigDecimal price, BigDecimal stopPrice) {
            this(order, price, stopPrice, null, null);
        }

        public Admit {
            Objects.requireNonNull(order, "order");
            if (price == null || price.signum() <= 0) {
                throw new IllegalArgumentException("price must be > 0");
            }
        }
    }

    /** Body of {@code ts.risk.adjust}: store an adjustment; the same key again answers the first one stored. */
    public record Adjust(RiskAdjustment adjustment, String idempotencyKey) {
        public Adjust {
            Objects.requireNonNull(adjustment, "adjustment");
        }
    }

    /** Body of {@code ts.risk.revoke}: end an adjustment now (answered with it, or RISK_BAD_ADJUSTMENT when unknown). */
    public record Revoke(long id, String reason) {
    }

    /** Body of {@code ts.risk.adjustments}: the latest stored adjustments (at most {@code limit}). */
    public record AdjustmentsQuery(int limit) {
    }

    /** The stored adjustments, newest first, and the multipliers they make now. */
    public record Adjustments(Instant asOf, BigDecimal global, Map<String, BigDecimal> symbols, List<RiskAdjustment> adjustments,
                              BigDecimal min, BigDecimal max) {
    }

    /** Body of {@code ts.risk.enforcement}: one UTC day's limit_enforcement (null = today). */
    public record EnforcementQuery(LocalDate date) {
    }

    /** One day's limit_enforcement (the backtest report's fields) plus the voided approvals and the limits in force. */
    public record Enforcement(Map<String, Object> day, List<Map<String, Object>> voided, Map<String, Object> limits,
                              BigDecimal anchor) {
    }
}
