package io.tradingstack.backtest;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface BacktestActivities {
    /** Runs the backtest and writes its reports; idempotent: a retry rewrites the same files. */
    @ActivityMethod
    BacktestSummary runBacktest(BacktestRequest request);

    /** Stores the run's status (idempotent: a DONE or FAILED is never replaced by RUNNING). */
    @ActivityMethod
    void recordRun(String workflowId, BacktestRun run);
}
