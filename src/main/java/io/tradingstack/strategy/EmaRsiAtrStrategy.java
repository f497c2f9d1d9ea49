package io.tradingstack.strategy;

import io.tradingstack.features.Feature;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The reference rule strategy (long only): enter when EMA12 crosses above EMA26 while RSI14 is
 * below {@code rsiMax}; the stop sits {@code atrMult}·ATR14 below the entry close and sets the
 * size through the risk engine (risk cap / stop distance). Exit when EMA12 crosses back below
 * EMA26; a close through the stop is an emergency exit.
 */
public final class EmaRsiAtrStrategy implements Strategy {
    public static final String NAME = "ema-rsi-atr";

    private final double rsiMax;
    private final double atrMult;
    private double[] prevFast;
    private double[] prevSlow;
    private double[] stop;

    public EmaRsiAtrStrategy(double rsiMax, double atrMult) {
        this.rsiMax = rsiMax;
        this.atrMult = atrMult;
    }

    /** Defaults: RSI below 70, stop at 2 ATR. */
    public EmaRsiAtrStrategy() {
        this(70.0, 2.0);
    }

    /** Entries need RSI14 below this. */
    public double rsiMax() {
        return rsiMax;
    }

    /** The stop's distance below the entry close, in ATR14. */
    public double atrMult() {
        return atrMult;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Feature> requiredFeatures() {
        return EnumSet.of(Feature.EMA12, Feature.EMA26, Feature.RSI14, Feature.ATR14);
    }

    @Override
    public void init(List<String> seriesKeys) {
        int n = seriesKeys.size();
        prevFast = new double[n];
        prevSlow = new double[n];
        stop = new double[n];
        java.util.Arrays.fill(prevFast, Double.NaN);
        java.util.Arrays.fill(prevSlow, Double.NaN);
    }

    @Override
    public List<Signal> onBar(BarView view) {
        int s = view.series();
        double fast = view.ema12();
        double slow = view.ema26();
        double rsi = view.rsi14();
        double atr = view.atr14();
        if (Double.isNaN(fast) || Double.isNaN(slow) || Double.isNaN(rsi) || Double.isNaN(atr)) {
            return List.of();
        }
        boolean crossUp = prevFast[s] <= prevSlow[s] && fast > slow;
        boolean crossDown = prevFast[s] >= prevSlow[s] && fast < slow;
        prevFast[s] = fast;
        prevSlow[s] = slow;
        int held = view.position().signum();
        double close = view.bar().close();
        if (held > 0) {
            if (close < stop[s]) {
                return List.of(Signal.emergencyExit("close below ATR stop"));
            }
            return crossDown ? List.of(Signal.exit("EMA12 crossed below EMA26")) : List.of();
        }
        if (held == 0 && crossUp && rsi < rsiMax && atr > 0) {
            double distance = atrMult * atr;
            stop[s] = close - distance;
            return List.of(Signal.enterLong(BigDecimal.valueOf(distance), "EMA12 crossed above EMA26, RSI14 below limit"));
        }
        return List.of();
    }
}
