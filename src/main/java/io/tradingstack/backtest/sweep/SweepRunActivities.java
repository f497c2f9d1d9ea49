package io.tradingstack.backtest.sweep;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The CPU-bound part of a sweep, hosted by every node on the runs queue (slots = the node's cores). */
@ActivityInterface
public interface SweepRunActivities {
    /** Runs the batch's sets; pure: a retry gives the same figures. */
    @ActivityMethod
    java.util.List<RunResult> runBatch(SweepBatch batch);

    /** The data's [first open, last close) in epoch seconds, for the walk-forward windows. */
    @ActivityMethod
    long[] dataSpan(SweepBase base);
}
