package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Equity after every distinct bar close of the run (the first point is the funding time). Values
 * are read back rounded to 8 decimals, as reported, so metrics recomputed from the report agree
 * exactly; rounding happens on read to keep it out of the engine's loop. A point is stored either
 * as an exact 128-bit integer count of 1e-16 units ({@link Book#fastEquity}) or, when the book is
 * outside that range, as the exact {@link BigDecimal}: both read back as the same value.
 */
public final class EquityCurve {
    private static final int UNITS_SCALE = 16;
    private long[] times;
    private long[] hi;
    private long[] lo;
    private BigDecimal[] values;
    private int size;

    EquityCurve() {
        this(1024);
    }

    /** @param capacity expected points (the arrays grow beyond it) */
    EquityCurve(int capacity) {
        int c = Math.max(16, capacity);
        times = new long[c];
        hi = new long[c];
        lo = new long[c];
        values = new BigDecimal[c];
    }

    void add(long epochSecond, BigDecimal equity) {
        int i = grow(epochSecond);
        values[i] = equity;
    }

    /** A point of {@code hi·2^64 + (lo unsigned)} units of 1e-16. */
    void addUnits(long epochSecond, long unitsHi, long unitsLo) {
        int i = grow(epochSecond);
        hi[i] = unitsHi;
        lo[i] = unitsLo;
        values[i] = null;
    }

    private int grow(long epochSecond) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = epochSecond;
        return size++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    public BigDecimal equity(int i) {
        return exact(i).setScale(Metrics.SCALE, RoundingMode.HALF_EVEN);
    }

    /** The point's exact value, before the report's rounding. */
    BigDecimal exact(int i) {
        BigDecimal v = values[i];
        return v != null ? v : new BigDecimal(toBigInteger(hi[i], lo[i]), UNITS_SCALE);
    }

    public BigDecimal last() {
        return equity(size - 1);
    }

    static BigInteger toBigInteger(long hi, long lo) {
        if (hi == (lo >> 63)) {
            return BigInteger.valueOf(lo);
        }
        BigInteger low = BigInteger.valueOf(lo & Long.MAX_VALUE);
        if (lo < 0) {
            low = low.setBit(63);
        }
        return BigInteger.valueOf(hi).shiftLeft(64).add(low);
    }
}
