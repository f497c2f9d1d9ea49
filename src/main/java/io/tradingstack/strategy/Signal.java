package io.tradingstack.strategy;

import io.tradingstack.model.Side;
import io.tradingstack.risk.Direction;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A strategy's wish, before risk checks and sizing: enter long or short, or exit. {@code qty} null
 * lets the risk engine size the entry (or exit the whole position); {@code stopDistance} (price
 * units) drives risk-based sizing. An emergency exit passes the daily caps. {@code triggerId} and
 * {@code triggerCategory} name the spec trigger behind the signal (null for other strategies), for
 * the risk engine's execution caps.
 */
public record Signal(Direction direction, BigDecimal qty, BigDecimal stopDistance, boolean emergency, String reason,
                     String triggerId, String triggerCategory) {

    /** A signal no spec trigger produced. */
    public Signal(Direction direction, BigDecimal qty, BigDecimal stopDistance, boolean emergency, String reason) {
        this(direction, qty, stopDistance, emergency, reason, null, null);
    }

    /** This signal as produced by trigger {@code id} of category {@code category} (a TriggerCategory key). */
    public Signal fromTrigger(String id, String category) {
        return new Signal(direction, qty, stopDistance, emergency, reason, id, category);
    }

    public Signal {
        Objects.requireNonNull(direction, "direction");
        if (emergency && direction != Direction.EXIT) {
            throw new IllegalArgumentException("only exits can be emergencies");
        }
    }

    public static Signal enterLong(BigDecimal stopDistance, String reason) {
        return new Signal(Direction.LONG, null, stopDistance, false, reason);
    }

    public static Signal exit(String reason) {
        return new Signal(Direction.EXIT, null, null, false, reason);
    }

    public static Signal emergencyExit(String reason) {
        return new Signal(Direction.EXIT, null, null, true, reason);
    }

    /** The order side for a position of sign {@code positionSign} (exits trade against it). */
    public Side side(int positionSign) {
        return switch (direction) {
            case LONG -> Side.BUY;
            case SHORT -> Side.SELL;
            case EXIT -> positionSign < 0 ? Side.BUY : Side.SELL;
        };
    }
}
