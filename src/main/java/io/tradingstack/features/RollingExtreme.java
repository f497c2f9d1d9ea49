package io.tradingstack.features;

/**
 * Maximum (or minimum) of the last {@code n} values in O(1) per value with the van Herk /
 * Gil-Werman block scheme: the stream is cut into blocks of {@code n}; the window is the tail of
 * the previous block (whose suffix extremes are computed once when it completes) plus the head of
 * the current one (a running extreme). Unlike a monotonic deque it has no data-dependent pop loop,
 * so prices that wiggle cost no branch mispredictions. Primitive arrays, no allocation after
 * construction. Inputs are finite (candle prices), so the extreme is always one of the inputs.
 */
final class RollingExtreme {
    private final int n;
    private final boolean max;
    private final double[] block;
    private final double[] suffix;
    private int pos;
    private double head;
    private long seq;

    RollingExtreme(int n, boolean max) {
        if (n <= 0) {
            throw new IllegalArgumentException("window must be > 0");
        }
        this.n = n;
        this.max = max;
        this.block = new double[n];
        this.suffix = new double[n];
        java.util.Arrays.fill(suffix, max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }

    void add(double x) {
        if (pos == n) {
            closeBlock();
        }
        block[pos] = x;
        head = pos == 0 ? x : pick(head, x);
        pos++;
        seq++;
    }

    /** The completed block becomes the previous one: its suffix extremes serve the next n windows. */
    private void closeBlock() {
        double e = block[n - 1];
        suffix[n - 1] = e;
        for (int j = n - 2; j >= 0; j--) {
            e = pick(e, block[j]);
            suffix[j] = e;
        }
        pos = 0;
    }

    private double pick(double a, double b) {
        return max ? (a >= b ? a : b) : (a <= b ? a : b);
    }

    boolean full() {
        return seq >= n;
    }

    /** The extreme of the last min(n, seen) values. */
    double value() {
        return pos == n ? head : pick(suffix[pos], head);
    }
}
