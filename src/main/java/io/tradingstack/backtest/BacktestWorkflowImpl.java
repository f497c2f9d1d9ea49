package io.tradingstack.backtest;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;

/** Deterministic: one activity, progress kept from signals for the query; no clocks, no I/O. */
public final class BacktestWorkflowImpl implements BacktestWorkflow {
    private final BacktestActivities activities = Workflow.newActivityStub(BacktestActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofHours(2))
                    .setHeartbeatTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                    .build());
    private String state = "STARTED";
    private long done;
    private long total;
    private BacktestSummary summary;
    private String error;

    @Override
    public BacktestSummary run(BacktestRequest request) {
        try {
            summary = activities.runBacktest(request);
        } catch (ActivityFailure e) {
            state = "FAILED";
            error = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw e;
        }
        done = summary.bars();
        total = summary.bars();
        state = "DONE";
        return summary;
    }

    @Override
    public void reportProgress(long barsDone, long barsTotal) {
        if (!"DONE".equals(state) && barsDone >= done) {
            done = barsDone;
            total = barsTotal;
            state = "RUNNING";
        }
    }

    @Override
    public BacktestProgress progress() {
        return new BacktestProgress(state, done, total, total == 0 ? 0.0 : (double) done / total, summary, error);
    }
}
