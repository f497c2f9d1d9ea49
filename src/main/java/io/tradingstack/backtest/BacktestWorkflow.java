package io.tradingstack.backtest;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A backtest run durably: one activity does the work and signals its progress back for the query. */
@WorkflowInterface
public interface BacktestWorkflow {
    @WorkflowMethod
    BacktestSummary run(BacktestRequest request);

    /** Sent by the activity about every tenth of the run. */
    @SignalMethod
    void reportProgress(long barsDone, long barsTotal);

    @QueryMethod
    BacktestProgress progress();
}
