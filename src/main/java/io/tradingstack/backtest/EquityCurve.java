package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Equity after every distinct bar close of the run (the first point is the funding time), and the
 * cash (cash + reserve: what is not in positions) in force at each point. Values are read back
 * rounded to 8 decimals, as reported, so metrics recomputed from the report agree exactly; rounding
 * happens on read to keep it out of the engine's loop. A point is stored either as an exact 128-bit
 * integer count of 1e-16 units ({@link Book#appendEquity}) or, when the book is outside that range,
 * as the exact {@link BigDecimal}: both read back as the same value. Nothing per point is an object:
 * a year of minutes is a few primitive arrays, never a list of BigDecimals or maps.
 */
public final class EquityCurve {
    private static final int UNITS_SCALE = 16;
    /** Values up to 2^62 units of 1e-8 (4.6e10) so that differences of two points never overflow a long. */
    private static final long SCALED_LIMIT = 1L << 62;
    private long[] times;
    private long[] hi;
    private long[] lo;
    private BigDecimal[] values;
    private int size;
    private int[] cashFrom = new int[16];
    private BigDecimal[] cash = new BigDecimal[16];
    private int cashChanges;
    /** Every point rounded to 8 decimals as a long of 1e-8 units, built on first read; null when a point does not fit. */
    private long[] scaled;
    private boolean scaledBuilt;

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

    /** The cash in force from the next point on (it changes only with fills). */
    void cash(BigDecimal value) {
        if (cashChanges > 0 && cashFrom[cashChanges - 1] == size) {
            cash[cashChanges - 1] = value;
            return;
        }
        if (cashChanges == cashFrom.length) {
            cashFrom = Arrays.copyOf(cashFrom, cashChanges * 2);
            cash = Arrays.copyOf(cash, cashChanges * 2);
        }
        cashFrom[cashChanges] = size;
        cash[cashChanges++] = value;
    }

    private int grow(long epochSecond) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            hi = Arrays.copyOf(hi, size * 2);
            lo = Arrays.copyOf(lo, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        scaledBuilt = false;
        times[size] = epochSecond;
        return size++;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    /** The point rounded half-even to 8 decimals (scale 8), as reported. */
    public BigDecimal equity(int i) {
        long[] s = scaled();
        return s != null ? BigDecimal.valueOf(s[i], Metrics.SCALE) : exact(i).setScale(Metrics.SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * Every point rounded to 8 decimals as 1e-8 units ({@link #equity} = {@code scaled()[i]}·1e-8),
     * or null when some point is beyond ±4.6e10 or not in integer units: then read {@link #equity}.
     * The array is shared: callers must not change it.
     */
    long[] scaled() {
        if (!scaledBuilt) {
            scaled = buildScaled();
            scaledBuilt = true;
        }
        return scaled;
    }

    private long[] buildScaled() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            long v = values[i] == null ? Units.roundToE8(hi[i], lo[i]) : Long.MIN_VALUE;
            if (v == Long.MIN_VALUE || v >= SCALED_LIMIT || v <= -SCALED_LIMIT) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** The point's exact value, before the report's rounding. */
    BigDecimal exact(int i) {
        BigDecimal v = values[i];
        return v != null ? v : new BigDecimal(toBigInteger(hi[i], lo[i]), UNITS_SCALE);
    }

    public BigDecimal last() {
        return equity(size - 1);
    }

    /** Cash changes: the value {@code cashValue(k)} holds from point {@code cashFrom(k)} on. */
    int cashChanges() {
        return cashChanges;
    }

    int cashFrom(int k) {
        return cashFrom[k];
    }

    BigDecimal cashValue(int k) {
        return cash[k];
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

    /** 128-bit integer arithmetic on the curve's 1e-16 units, without BigInteger. */
    static final class Units {
        private static final long E8 = 100_000_000L;
        private static final long HALF = E8 / 2;
        private static final long MASK = 0xffff_ffffL;

        private Units() {
        }

        /**
         * {@code hi·2^64 + lo} (signed 128-bit) units of 1e-16 rounded half-even to units of 1e-8, as
         * {@code BigDecimal.setScale(8, HALF_EVEN)} rounds; {@link Long#MIN_VALUE} when the result does
         * not fit a long.
         */
        static long roundToE8(long hi, long lo) {
            if (hi < 0) {
                long nlo = -lo;
                long nhi = ~hi + (lo == 0 ? 1 : 0);
                long r = hi == Long.MIN_VALUE && lo == 0 ? Long.MIN_VALUE : roundPositive(nhi, nlo);
                return r == Long.MIN_VALUE ? r : -r;
            }
            return roundPositive(hi, lo);
        }

        /** Unsigned 128-bit value divided by 1e8 in 32-bit limbs (1e8 &lt; 2^27, so no step overflows). */
        private static long roundPositive(long hi, long lo) {
            long cur = hi >>> 32;
            long q3 = cur / E8;
            cur = ((cur % E8) << 32) | (hi & MASK);
            long q2 = cur / E8;
            cur = ((cur % E8) << 32) | (lo >>> 32);
            long q1 = cur / E8;
            cur = ((cur % E8) << 32) | (lo & MASK);
            long q0 = cur / E8;
            long rem = cur % E8;
            if (q3 != 0 || q2 != 0 || q1 > Integer.MAX_VALUE) {
                return Long.MIN_VALUE;
            }
            long q = (q1 << 32) | q0;
            if (rem > HALF || rem == HALF && (q & 1) == 1) {
                q++;
            }
            return q;
        }
    }
}
