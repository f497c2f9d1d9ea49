package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Equity after every distinct bar close of the run (the first point is the funding time). Values
 * are read back rounded to 8 decimals, as reported, so metrics recomputed from the report agree
 * exactly; rounding happens on read to keep it out of the engine's loop.
 */
public final class EquityCurve {
    private long[] times = new long[1024];
    private BigDecimal[] values = new BigDecimal[1024];
    private int size;

    void add(long epochSecond, BigDecimal equity) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        times[size] = epochSecond;
        values[size++] = equity;
    }

    public int size() {
        return size;
    }

    public long time(int i) {
        return times[i];
    }

    public BigDecimal equity(int i) {
        return values[i].setScale(Metrics.SCALE, RoundingMode.HALF_EVEN);
    }

    public BigDecimal last() {
        return equity(size - 1);
    }
}
