package io.tradingstack.backtest;

import java.util.Arrays;

/**
 * The points of an equity curve that report.json and report.html carry: all of them when there are
 * at most {@link #MAX_POINTS}, otherwise the lowest and highest point of each of
 * {@link #BUCKETS} equal runs of points (in time order), the first and last points, and the peak and
 * trough of the maximum drawdown, so spikes, the extremes and the drawdown stay visible. The full
 * curve goes to equity.csv.gz.
 */
final class CurveSample {
    static final int MAX_POINTS = 2_000;
    static final int BUCKETS = (MAX_POINTS - 4) / 2;

    private CurveSample() {
    }

    /** Indices of the kept points, ascending, without duplicates. */
    static int[] indices(EquityCurve curve, Drawdown drawdown) {
        int n = curve.size();
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double[] v = values(curve);
        int[] out = new int[2 * BUCKETS + 4];
        int k = 0;
        out[k++] = 0;
        out[k++] = n - 1;
        out[k++] = drawdown.peak();
        out[k++] = drawdown.trough();
        for (int b = 0; b < BUCKETS; b++) {
            int from = (int) ((long) b * n / BUCKETS);
            int to = (int) ((long) (b + 1) * n / BUCKETS);
            int min = from;
            int max = from;
            for (int i = from + 1; i < to; i++) {
                if (v[i] < v[min]) {
                    min = i;
                } else if (v[i] > v[max]) {
                    max = i;
                }
            }
            out[k++] = min;
            out[k++] = max;
        }
        return Arrays.stream(out, 0, k).sorted().distinct().toArray();
    }

    /** The points as doubles, for choosing extremes only (the report writes the exact values). */
    private static double[] values(EquityCurve curve) {
        long[] units = curve.scaled();
        double[] v = new double[curve.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = units != null ? units[i] : curve.equity(i).doubleValue();
        }
        return v;
    }
}
