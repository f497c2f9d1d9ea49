package io.tradingstack.backtest;

/** {@value io.tradingstack.bus.DurableNames.Backtest#LLM_TYPE}: a backtest of the LLM strategist (the judge in the loop), run by {@link BacktestFlow}. */
public final class LlmBacktestWorkflowImpl implements LlmBacktestWorkflow {
    private final BacktestFlow flow = new BacktestFlow();

    @Override
    public BacktestSummary run(BacktestRequest request) {
        return flow.run(request);
    }

    @Override
    public void reportProgress(long barsDone, long barsTotal) {
        flow.reportProgress(barsDone, barsTotal);
    }

    @Override
    public BacktestProgress progress() {
        return flow.progress();
    }
}
