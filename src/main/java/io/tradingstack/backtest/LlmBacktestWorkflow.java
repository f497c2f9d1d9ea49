package io.tradingstack.backtest;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A backtest of the LLM strategist run durably, as {@link BacktestWorkflow} (same request, signal and query) under its own type. */
@WorkflowInterface
public interface LlmBacktestWorkflow {
    @WorkflowMethod(name = DurableNames.Backtest.LLM_TYPE)
    BacktestSummary run(BacktestRequest request);

    /** Sent by the activity about every tenth of the run. */
    @SignalMethod(name = DurableNames.Backtest.REPORT_PROGRESS)
    void reportProgress(long barsDone, long barsTotal);

    @QueryMethod(name = DurableNames.Backtest.PROGRESS)
    BacktestProgress progress();
}
