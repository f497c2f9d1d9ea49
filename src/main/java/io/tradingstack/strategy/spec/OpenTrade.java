package io.tradingstack.strategy.spec;

import io.tradingstack.strategy.rules.PositionState;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The levels of a position a spec opened, fixed at the entry decision: the price it was decided
 * at, the stop and (optional) take-profit prices. Whoever holds the position keeps this (the
 * backtest strategy in memory, the execution agent in its decision record) and passes it back.
 */
public record OpenTrade(PositionState side, String triggerId, BigDecimal entryPrice, BigDecimal stopPrice,
                        BigDecimal takeProfitPrice) {

    public OpenTrade {
        Objects.requireNonNull(side, "side");
        if (side == PositionState.FLAT) {
            throw new IllegalArgumentException("an open trade is long or short");
        }
        Objects.requireNonNull(stopPrice, "stopPrice");
    }

    /** Whether a close at {@code price} is through the stop. */
    public boolean stopHit(double price) {
        return side == PositionState.LONG ? price <= stopPrice.doubleValue() : price >= stopPrice.doubleValue();
    }

    /** Whether a close at {@code price} reached the take-profit. */
    public boolean targetHit(double price) {
        if (takeProfitPrice == null) {
            return false;
        }
        return side == PositionState.LONG ? price >= takeProfitPrice.doubleValue() : price <= takeProfitPrice.doubleValue();
    }
}
