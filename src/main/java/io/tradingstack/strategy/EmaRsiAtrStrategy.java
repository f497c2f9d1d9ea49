package io.tradingstack.strategy;

import io.tradingstack.model.FeatureVector;

import java.math.BigDecimal;
import java.util.List;

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

    @Override
    public String name() {
        return NAME;
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
        FeatureVector f = view.features();
        int s = view.series();
        if (f.ema12() == null || f.ema26() == null || f.rsi14() == null || f.atr14() == null) {
            return List.of();
        }
        double fast = f.ema12();
        double slow = f.ema26();
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
        if (held == 0 && crossUp && f.rsi14() < rsiMax && f.atr14() > 0) {
            double distance = atrMult * f.atr14();
            stop[s] = close - distance;
            return List.of(Signal.enterLong(BigDecimal.valueOf(distance), "EMA12 crossed above EMA26, RSI14 below limit"));
        }
        return List.of();
    }
}
