package io.tradingstack.backtest.sweep;

import java.util.List;

/**
 * What a sweep workflow is started with: the expanded parameter sets (expanded before the start, so
 * the workflow never draws a random number), the metric, optional walk-forward and the batch size.
 */
public record SweepRequest(SweepBase base, List<ParameterSet> sets, String metric, WalkForward walkForward,
                           int batchSize) {

    public SweepRequest {
        sets = List.copyOf(sets);
        batchSize = Math.max(1, batchSize);
    }

    public static SweepRequest of(SweepGrid grid, WalkForward walkForward) {
        return new SweepRequest(grid.base(), grid.expand(), grid.metric(),
                walkForward != null ? walkForward : grid.walkForward(), grid.batchSize());
    }
}
