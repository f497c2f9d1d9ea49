package io.tradingstack.strategy;

import java.util.List;

/**
 * A trading strategy driven by closed bars. It sees the market only through the {@link BarView}
 * it is handed, which ends at the bar that just closed; the signals it returns are executed by the
 * caller at the next bar's open. Implementations must be deterministic (no clocks, no randomness)
 * so that a backtest is reproducible. One instance serves every series of a run.
 */
public interface Strategy {
    /** The name strategies are chosen by (see {@link Strategies}). */
    String name();

    /** Called once before the first bar with the keys of the series, in series-index order. */
    default void init(List<String> seriesKeys) {
    }

    /** Decides on the close of a bar; return an empty list (not null) to do nothing. */
    List<Signal> onBar(BarView view);
}
