package io.tradingstack.features;

/**
 * Maximum (or minimum) of the last {@code n} values in amortized O(1) with a monotonic deque held
 * in a ring of primitive arrays (no boxing, no allocation after construction).
 */
final class RollingExtreme {
    private final int n;
    private final boolean max;
    private final double[] vals;
    private final long[] idx;
    private int first;
    private int count;
    private long seq;

    RollingExtreme(int n, boolean max) {
        if (n <= 0) {
            throw new IllegalArgumentException("window must be > 0");
        }
        this.n = n;
        this.max = max;
        this.vals = new double[n + 1];
        this.idx = new long[n + 1];
    }

    void add(double x) {
        while (count > 0) {
            int last = slot(count - 1);
            boolean dominated = max ? vals[last] <= x : vals[last] >= x;
            if (!dominated) {
                break;
            }
            count--;
        }
        int s = slot(count);
        vals[s] = x;
        idx[s] = seq;
        count++;
        if (idx[first] <= seq - n) {
            first = first + 1 == vals.length ? 0 : first + 1;
            count--;
        }
        seq++;
    }

    /** Ring index of the k-th deque element; k &lt;= n so one conditional wrap replaces a modulo. */
    private int slot(int k) {
        int i = first + k;
        return i >= vals.length ? i - vals.length : i;
    }

    boolean full() {
        return seq >= n;
    }

    double value() {
        return vals[first];
    }
}
