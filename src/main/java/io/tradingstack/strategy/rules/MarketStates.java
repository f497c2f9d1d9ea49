package io.tradingstack.strategy.rules;

import io.tradingstack.model.FeatureVector;

/**
 * The regime labels of the reference design (§5), on the features this project computes.
 * <ul>
 * <li>vol_state: x = max(ATR14/close, realized_vol_20); low below 1.5 %, normal below 3 %, high
 * below 7 %, else extreme. The reference thresholds are for hourly bars; they are scaled by
 * √(bar length / 1 h), the usual square-root-of-time rule, so a 1m bar is judged against its own
 * typical size instead of always reading "low".</li>
 * <li>trend_state: uptrend when close &gt; SMA20 &gt; SMA50 (the reference chains SMA 20/50/200; we
 * keep no SMA200, so the close is the fastest leg), downtrend when reversed; otherwise EMA12 against
 * EMA26 with a ±0.5 % band (scaled the same way); otherwise sideways.</li>
 * </ul>
 * A label is null (undefined) while any input is still warming up.
 */
public final class MarketStates {
    private static final double[] VOL_THRESHOLDS = {0.015, 0.03, 0.07};
    private static final double TREND_BAND = 0.005;
    private static final double HOUR = 3600.0;

    private MarketStates() {
    }

    /** √(bar length / 1 h): the factor applied to the reference's hourly thresholds. */
    public static double scale(int timeframeSeconds) {
        return Math.sqrt(timeframeSeconds / HOUR);
    }

    public static String volState(FeatureVector v, double scale) {
        if (v == null || v.atr14() == null || v.lastPrice() == null || v.realizedVol20() == null || v.lastPrice() <= 0) {
            return null;
        }
        double x = Math.max(v.atr14() / v.lastPrice(), v.realizedVol20());
        if (x < VOL_THRESHOLDS[0] * scale) {
            return "low";
        }
        if (x < VOL_THRESHOLDS[1] * scale) {
            return "normal";
        }
        return x < VOL_THRESHOLDS[2] * scale ? "high" : "extreme";
    }

    public static String trendState(FeatureVector v, double scale) {
        if (v == null || v.lastPrice() == null || v.sma20() == null || v.sma50() == null || v.ema12() == null
                || v.ema26() == null) {
            return null;
        }
        double c = v.lastPrice();
        if (c > v.sma20() && v.sma20() > v.sma50()) {
            return "uptrend";
        }
        if (c < v.sma20() && v.sma20() < v.sma50()) {
            return "downtrend";
        }
        double band = TREND_BAND * scale;
        if (v.ema12() > v.ema26() * (1 + band)) {
            return "uptrend";
        }
        return v.ema12() < v.ema26() * (1 - band) ? "downtrend" : "sideways";
    }
}
