package io.tradingstack.features;

import java.util.EnumSet;
import java.util.Set;

/**
 * The feature groups of a {@link io.tradingstack.model.FeatureVector}. A consumer that reads only
 * a few of them (a backtest strategy) can build a {@link FeatureEngine} that keeps only those
 * indicators, and what they depend on, current; the live path keeps them all.
 */
public enum Feature {
    /** return1, return5, return15, return60. */
    RETURNS,
    /** rollingHigh20, rollingLow20. */
    ROLLING_HIGH_LOW,
    ATR14,
    RSI14,
    EMA12,
    EMA26,
    SMA20,
    SMA50,
    /** bbUpper, bbMiddle, bbLower, bbPercentB (on the SMA20 window). */
    BOLLINGER,
    /** macd, macdSignal, macdHistogram (on EMA12 and EMA26). */
    MACD,
    VOLUME_MULTIPLE,
    REALIZED_VOL,
    VWAP;

    /** Every feature: what the live path and the full vector need. */
    public static Set<Feature> all() {
        return EnumSet.allOf(Feature.class);
    }
}
