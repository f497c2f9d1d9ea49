package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Equity after every distinct bar close of the run (the start point is the funding time). */
public final class EquityCurve {
    private final List<Long> times = new ArrayList<>();
    private final List<BigDecimal> values = new ArrayList<>();

    /** Values are kept at 8 decimals, as reported, so metrics recomputed from the report agree exactly. */
    void add(long epochSecond, BigDecimal equity) {
        times.add(epochSecond);
        values.add(equity.setScale(Metrics.SCALE, java.math.RoundingMode.HALF_EVEN));
    }

    public int size() {
        return times.size();
    }

    public long time(int i) {
        return times.get(i);
    }

    public BigDecimal equity(int i) {
        return values.get(i);
    }

    public BigDecimal last() {
        return values.get(values.size() - 1);
    }
}
