package io.tradingstack.backtest;

/** {@value io.tradingstack.bus.DurableNames.Backtest#TYPE}: a backtest of a fixed strategy, run by {@link BacktestFlow}. */
public final class BacktestWorkflowImpl implements BacktestWorkflow {
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
