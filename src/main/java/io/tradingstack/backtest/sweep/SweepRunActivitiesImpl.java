package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

import java.util.List;

/**
 * Runs batches on the activity thread, heartbeating with the engine's progress (so a node that dies
 * mid-run has its runs retried elsewhere after the heartbeat timeout, not after the run's bound);
 * a coded failure (bad data, bad arguments) is not retried.
 */
public final class SweepRunActivitiesImpl implements SweepRunActivities {
    private final SweepRuns runs;

    /** @param worker this node's worker identity, recorded on every run */
    public SweepRunActivitiesImpl(String worker) {
        this.runs = new SweepRuns(worker);
    }

    @Override
    public List<RunResult> runBatch(SweepBatch batch) {
        try {
            ActivityExecutionContext ctx = Activity.getExecutionContext();
            return runs.run(batch, (done, total) -> ctx.heartbeat(done));
        } catch (CodedException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.code().name());
        }
    }

    @Override
    public long[] dataSpan(SweepBase base) {
        try {
            return runs.span(base);
        } catch (CodedException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.code().name());
        }
    }
}
