package io.tradingstack.features;

/**
 * Exponential average seeded with the simple mean of the first {@code n} inputs (the StockCharts
 * and Wilder convention), undefined (NaN) before that. {@code alpha = 2/(n+1)} gives the classic
 * EMA, {@code alpha = 1/n} Wilder's smoothing (RMA) used by RSI and ATR.
 */
final class Ema {
    private final int n;
    private final double alpha;
    private int seen;
    private double value = Double.NaN;
    private double seedSum;

    private Ema(int n, double alpha) {
        if (n <= 0) {
            throw new IllegalArgumentException("period must be > 0");
        }
        this.n = n;
        this.alpha = alpha;
    }

    static Ema ema(int n) {
        return new Ema(n, 2.0 / (n + 1));
    }

    static Ema wilder(int n) {
        return new Ema(n, 1.0 / n);
    }

    double add(double x) {
        if (seen < n) {
            seedSum += x;
            if (++seen == n) {
                value = seedSum / n;
            }
        } else {
            value += alpha * (x - value);
        }
        return value;
    }

    boolean defined() {
        return seen >= n;
    }

    double value() {
        return value;
    }
}
