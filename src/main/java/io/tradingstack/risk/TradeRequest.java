package io.tradingstack.risk;

import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A trade a strategy wants, before sizing. {@code desiredQty} null means "as large as the limits
 * allow" for entries and "the whole position" for exits. {@code stopDistance} (price units) turns the
 * per-trade risk cap into a quantity cap; without it the cap applies to the notional.
 * {@code triggerId} and {@code triggerCategory} (a TriggerCategory key) name the spec trigger that
 * asked for the trade, for the execution caps ({@link ExecutionCaps}); both null when no trigger did.
 */
public record TradeRequest(Instant time, String symbol, Side side, Direction direction, BigDecimal price,
                           BigDecimal desiredQty, BigDecimal stopDistance, boolean emergency,
                           String triggerId, String triggerCategory) {

    /** A request no spec trigger asked for. */
    public TradeRequest(Instant time, String symbol, Side side, Direction direction, BigDecimal price,
                        BigDecimal desiredQty, BigDecimal stopDistance, boolean emergency) {
        this(time, symbol, side, direction, price, desiredQty, stopDistance, emergency, null, null);
    }

    public TradeRequest {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(direction, "direction");
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be > 0");
        }
    }

    public boolean isExit() {
        return direction == Direction.EXIT;
    }
}
