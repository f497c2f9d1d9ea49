package io.tradingstack.strategy.spec;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A stop-loss or take-profit distance from the entry: {@code value} percent of the entry price, or
 * {@code value} times ATR14 of the spec's timeframe at the entry.
 */
public record Level(LevelType type, BigDecimal value) {
    static final BigDecimal MAX_PCT = BigDecimal.valueOf(50);
    static final BigDecimal MAX_ATR = BigDecimal.valueOf(20);

    public Level {
        Keys.require(type != null, "type is required (pct or atr)");
        Keys.require(value != null && value.signum() > 0, "value must be > 0");
        BigDecimal max = type == LevelType.PCT ? MAX_PCT : MAX_ATR;
        Keys.require(value.compareTo(max) <= 0, "value must be at most " + max.toPlainString()
                + (type == LevelType.PCT ? " (percent)" : " (ATR multiples)"));
    }

    public static Level pct(String v) {
        return new Level(LevelType.PCT, new BigDecimal(v));
    }

    public static Level atr(String v) {
        return new Level(LevelType.ATR, new BigDecimal(v));
    }

    /** The distance in price units, or null when it needs an ATR that is not defined yet. */
    public BigDecimal distance(BigDecimal price, Double atr14) {
        if (type == LevelType.PCT) {
            return price.multiply(value).movePointLeft(2);
        }
        if (atr14 == null || !(atr14 > 0) || !Double.isFinite(atr14)) {
            return null;
        }
        return BigDecimal.valueOf(atr14).multiply(value, MathContext.DECIMAL64);
    }
}
