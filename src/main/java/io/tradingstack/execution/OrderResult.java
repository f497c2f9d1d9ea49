package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderStatus;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one order intent. {@code status}: FILLED, PARTIALLY_FILLED (IOC remainder
 * cancelled, or GTC still resting), OPEN (resting, nothing filled yet), CANCELLED, REJECTED
 * (nothing written; with its {@code code}) or DUPLICATE (the client order id was seen:
 * {@code original} is that order's current result).
 */
public record OrderResult(String orderId, String clientOrderId, String symbol, String side, String type,
                          OrderStatus status, BigDecimal qty, BigDecimal filledQty, BigDecimal averagePrice,
                          BigDecimal fees, ErrorCode code, String message, List<Fill> fills, OrderResult original) {

    public static OrderResult rejected(String orderId, io.tradingstack.model.OrderIntent i, ErrorCode code, String message) {
        return new OrderResult(orderId, i.clientOrderId(), i.symbol(), i.side().name(), i.type().name(), OrderStatus.REJECTED,
                i.qty(), BigDecimal.ZERO, null, BigDecimal.ZERO, code, message, List.of(), null);
    }

    /** A result built from an order's fills. */
    public static OrderResult of(String orderId, io.tradingstack.model.OrderIntent i, OrderStatus status, List<Fill> fills) {
        BigDecimal filled = fills.stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal notional = fills.stream().map(Fill::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fees = fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal avg = filled.signum() == 0 ? null
                : notional.divide(filled, 8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return new OrderResult(orderId, i.clientOrderId(), i.symbol(), i.side().name(), i.type().name(), status,
                i.qty(), filled, avg, fees, null, null, List.copyOf(fills), null);
    }

    public OrderResult withCode(ErrorCode code, String message) {
        return new OrderResult(orderId, clientOrderId, symbol, side, type, status, qty, filledQty, averagePrice, fees,
                code, message, fills, original);
    }

    public boolean rejected() {
        return status == OrderStatus.REJECTED;
    }

    public static OrderResult duplicate(io.tradingstack.model.OrderIntent i, OrderResult original) {
        return new OrderResult(original.orderId(), i.clientOrderId(), i.symbol(), i.side().name(), i.type().name(),
                OrderStatus.DUPLICATE, i.qty(), original.filledQty(), original.averagePrice(), original.fees(), null,
                "client order id already used; original result attached", original.fills(), original);
    }
}
