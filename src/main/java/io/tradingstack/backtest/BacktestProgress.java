package io.tradingstack.backtest;

/** What the progress query answers: state (STARTED, RUNNING, DONE, FAILED), bars done, and the summary once done. */
public record BacktestProgress(String state, long barsDone, long barsTotal, double fraction, BacktestSummary summary,
                               String error) {
}
