package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The maximum drawdown of a curve, max over t of (peak_t − equity_t)/peak_t on the reported
 * (8-decimal) values, with the points where it starts and bottoms out so a downsampled curve can
 * keep them. Exact: on integer units the ratios are compared by cross-multiplying in 128 bits and
 * only the largest one is divided, in the same {@code DECIMAL64} then 8-decimal rounding as the
 * {@link BigDecimal} path that serves curves outside the integer range.
 *
 * @param peak   index of the peak before the deepest point (the first such peak)
 * @param trough index of the deepest point (the first one)
 */
record Drawdown(BigDecimal value, int peak, int trough) {

    static Drawdown of(EquityCurve curve) {
        long[] units = curve.scaled();
        return units != null ? ofUnits(units, curve.size()) : ofDecimals(curve);
    }

    private static Drawdown ofUnits(long[] v, int n) {
        int peak = 0;
        long worstDrop = 0;
        long worstPeak = 1;
        int bestPeak = 0;
        int bestTrough = 0;
        for (int i = 0; i < n; i++) {
            if (v[i] > v[peak]) {
                peak = i;
            } else if (v[peak] > 0) {
                long drop = v[peak] - v[i];
                if (greater(drop, v[peak], worstDrop, worstPeak)) {
                    worstDrop = drop;
                    worstPeak = v[peak];
                    bestPeak = peak;
                    bestTrough = i;
                }
            }
        }
        BigDecimal value = worstDrop == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(worstDrop, Metrics.SCALE).divide(BigDecimal.valueOf(worstPeak, Metrics.SCALE), MathContext.DECIMAL64);
        return new Drawdown(value.setScale(Metrics.SCALE, RoundingMode.HALF_EVEN), bestPeak, bestTrough);
    }

    /** a/b &gt; c/d for a, c ≥ 0 and b, d &gt; 0, exactly: a·d &gt; c·b in 128 bits. */
    static boolean greater(long a, long b, long c, long d) {
        long leftHi = Math.multiplyHigh(a, d);
        long rightHi = Math.multiplyHigh(c, b);
        if (leftHi != rightHi) {
            return leftHi > rightHi;
        }
        return Long.compareUnsigned(a * d, c * b) > 0;
    }

    private static Drawdown ofDecimals(EquityCurve curve) {
        BigDecimal peak = curve.equity(0);
        int peakAt = 0;
        BigDecimal worst = BigDecimal.ZERO;
        int bestPeak = 0;
        int bestTrough = 0;
        for (int i = 0; i < curve.size(); i++) {
            BigDecimal v = curve.equity(i);
            if (v.compareTo(peak) > 0) {
                peak = v;
                peakAt = i;
            } else if (peak.signum() > 0) {
                BigDecimal dd = peak.subtract(v).divide(peak, MathContext.DECIMAL64);
                if (dd.compareTo(worst) > 0) {
                    worst = dd;
                    bestPeak = peakAt;
                    bestTrough = i;
                }
            }
        }
        return new Drawdown(worst.setScale(Metrics.SCALE, RoundingMode.HALF_EVEN), bestPeak, bestTrough);
    }
}
