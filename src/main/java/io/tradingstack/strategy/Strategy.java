package io.tradingstack.strategy;

import io.tradingstack.features.Feature;
import java.util.List;
import java.util.Set;

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

    /**
     * The features this strategy reads through its {@link BarView}; the backtester keeps only
     * those current (reading another one throws). Default: all, so {@link BarView#features()}
     * works.
     */
    default Set<Feature> requiredFeatures() {
        return Feature.all();
    }

    /**
     * How the limits of the risk gate are tightened for this strategy's next signals (a planned
     * spec's own limits, as the live gate applies them), or null for the configured limits. Asked
     * for each signal, so it may change during a run.
     */
    default java.util.function.UnaryOperator<io.tradingstack.risk.RiskLimits> limits() {
        return null;
    }

    /** Decides on the close of a bar; return an empty list (not null) to do nothing. */
    List<Signal> onBar(BarView view);
}
