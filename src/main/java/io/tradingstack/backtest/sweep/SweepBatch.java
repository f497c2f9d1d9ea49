package io.tradingstack.backtest.sweep;

import java.util.List;

/**
 * The unit of work of one activity: some parameter sets run on the same data, in one phase
 * ({@code grid}, {@code train} or {@code test}) and, for walk-forward, on one window's span.
 */
public record SweepBatch(String phase, Window window, SweepBase base, List<ParameterSet> sets) {
    public static final String GRID = "grid";
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    public SweepBatch {
        sets = List.copyOf(sets);
    }
}
