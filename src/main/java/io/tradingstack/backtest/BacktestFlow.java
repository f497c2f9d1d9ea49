package io.tradingstack.backtest;

import io.tradingstack.bus.ErrorCode;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;

/**
 * What both backtest workflow types do (deterministic: one activity, progress kept from signals for
 * the query; no clocks, no I/O): {@link BacktestWorkflowImpl} and {@link LlmBacktestWorkflowImpl}
 * differ only in their type name, so a run of the LLM strategist is told apart in Temporal.
 */
final class BacktestFlow {
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
    private final BacktestActivities store = Workflow.newActivityStub(BacktestActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(10))
                            .setMaximumAttempts(30).build())
                    .build());

    BacktestSummary run(BacktestRequest request) {
        String id = Workflow.getInfo().getWorkflowId();
        store.recordRun(id, new BacktestRun(BacktestRun.RUNNING, request, null, null, null));
        try {
            summary = activities.runBacktest(request);
        } catch (ActivityFailure e) {
            state = "FAILED";
            error = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            ErrorCode code = ErrorCode.of(e);
            String message = e.getCause() instanceof ApplicationFailure a ? a.getOriginalMessage() : error;
            store.recordRun(id, new BacktestRun(BacktestRun.FAILED, request, null, code, message));
            throw e;
        }
        store.recordRun(id, new BacktestRun(BacktestRun.DONE, request, summary, null, null));
        done = summary.bars();
        total = summary.bars();
        state = "DONE";
        return summary;
    }

    void reportProgress(long barsDone, long barsTotal) {
        if (!"DONE".equals(state) && barsDone >= done) {
            done = barsDone;
            total = barsTotal;
            state = "RUNNING";
        }
    }

    BacktestProgress progress() {
        return new BacktestProgress(state, done, total, total == 0 ? 0.0 : (double) done / total, summary, error);
    }
}
