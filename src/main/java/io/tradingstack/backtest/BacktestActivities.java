package io.tradingstack.backtest;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface BacktestActivities {
    /** Runs the backtest and writes its reports; idempotent: a retry rewrites the same files. */
    @ActivityMethod
    BacktestSummary runBacktest(BacktestRequest request);
}
