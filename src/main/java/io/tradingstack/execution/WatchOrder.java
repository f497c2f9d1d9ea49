package io.tradingstack.execution;

import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Body of {@code ts.execution.watch}: start ({@code watch}) or stop watching the ticks of a resting
 * limit order; the reply is the number of orders watched.
 */
public record WatchOrder(String orderId, String symbol, Side side, BigDecimal limitPrice, boolean watch) {
    public WatchOrder {
        if (orderId == null || orderId.isBlank() || symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("orderId and symbol are required");
        }
        Objects.requireNonNull(side, "side");
        if (limitPrice == null || limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("limitPrice must be > 0");
        }
    }
}
