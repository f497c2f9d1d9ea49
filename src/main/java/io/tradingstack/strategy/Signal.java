package io.tradingstack.strategy;

import io.tradingstack.model.Side;
import io.tradingstack.risk.Direction;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A strategy's wish, before risk checks and sizing: enter long or short, or exit. {@code qty} null
 * lets the risk engine size the entry (or exit the whole position); {@code stopDistance} (price
 * units) drives risk-based sizing. An emergency exit passes the daily caps.
 */
public record Signal(Direction direction, BigDecimal qty, BigDecimal stopDistance, boolean emergency, String reason) {

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
