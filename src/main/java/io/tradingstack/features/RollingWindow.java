package io.tradingstack.features;

/**
 * A fixed-size window of doubles with O(1) running mean and population variance. Sums are kept
 * relative to a shift (the first value seen) so that the variance of large prices with small
 * spreads does not lose precision to cancellation, and are rebuilt from the buffer every
 * {@code RESYNC} updates so floating-point drift cannot accumulate over millions of bars.
 */
final class RollingWindow {
    private static final int RESYNC_FACTOR = 64;

    private final double[] buf;
    private final int resyncEvery;
    private int head;
    private int size;
    /** Updates left before the next resync (a countdown: no 64-bit division per update). */
    private int untilResync;
    private double shift = Double.NaN;
    private double sum;
    private double sumSq;

    RollingWindow(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0");
        }
        this.buf = new double[capacity];
        this.resyncEvery = capacity * RESYNC_FACTOR;
        this.untilResync = resyncEvery;
    }

    void add(double x) {
        if (Double.isNaN(shift)) {
            shift = x;
        }
        double d = x - shift;
        if (size == buf.length) {
            double old = buf[head] - shift;
            sum -= old;
            sumSq -= old * old;
        } else {
            size++;
        }
        buf[head] = x;
        head = head + 1 == buf.length ? 0 : head + 1;
        sum += d;
        sumSq += d * d;
        if (--untilResync == 0) {
            untilResync = resyncEvery;
            resync();
        }
    }

    private void resync() {
        shift = buf[head == 0 ? buf.length - 1 : head - 1];
        sum = 0;
        sumSq = 0;
        for (int i = 0; i < size; i++) {
            double d = buf[i] - shift;
            sum += d;
            sumSq += d * d;
        }
    }

    boolean full() {
        return size == buf.length;
    }

    int size() {
        return size;
    }

    double mean() {
        return shift + sum / size;
    }

    /** Population variance (divide by n), clamped at 0 against rounding. */
    double variance() {
        double m = sum / size;
        double v = sumSq / size - m * m;
        return v > 0 ? v : 0;
    }

    /** The value {@code k} steps back (0 = newest); requires {@code k < size()}. */
    double back(int k) {
        int i = head - 1 - k;
        if (i < 0) {
            i += buf.length;
        }
        return buf[i];
    }
}
