package io.tradingstack.backtest;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A backtest run durably: one activity does the work and signals its progress back for the query. */
@WorkflowInterface
public interface BacktestWorkflow {
    @WorkflowMethod(name = DurableNames.Backtest.TYPE)
    BacktestSummary run(BacktestRequest request);

    /** Sent by the activity about every tenth of the run. */
    @SignalMethod(name = DurableNames.Backtest.REPORT_PROGRESS)
    void reportProgress(long barsDone, long barsTotal);

    @QueryMethod(name = DurableNames.Backtest.PROGRESS)
    BacktestProgress progress();
}
