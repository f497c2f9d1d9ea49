package io.tradingstack.backtest.sweep;

import java.math.BigDecimal;
import java.util.List;

/**
 * What every run of a sweep shares: the data, their symbols, the bar size, the strategy, the
 * account and the costs. The data are files (paths every worker node can read), or, with
 * {@code bundledFrom}/{@code bundledTo} set (days, inclusive, null = the whole span), the candles of
 * {@code pairs} shipped in the jar, which every node cuts from its own copy. Null numbers take the
 * backtest's defaults.
 */
public record SweepBase(List<String> data, List<String> pairs, String timeframe, String strategy,
                        BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps, boolean bundled,
                        String bundledFrom, String bundledTo) {

    public SweepBase {
        data = data == null ? List.of() : List.copyOf(data);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        strategy = strategy == null ? io.tradingstack.strategy.Strategies.DEFAULT : strategy;
    }

    /** Data from files. */
    public SweepBase(List<String> data, List<String> pairs, String timeframe, String strategy, BigDecimal initialCash,
                     BigDecimal feeBps, BigDecimal slippageBps) {
        this(data, pairs, timeframe, strategy, initialCash, feeBps, slippageBps, false, null, null);
    }
}
