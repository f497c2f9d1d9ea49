package io.tradingstack.backtest;

/** Told how many bars of the run are done; called every few thousand bars and at the end. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
