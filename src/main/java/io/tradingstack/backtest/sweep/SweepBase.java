package io.tradingstack.backtest.sweep;

import java.math.BigDecimal;
import java.util.List;

/**
 * What every run of a sweep shares: the data files (paths every worker node can read), their
 * symbols, the bar size, the strategy, the account and the costs. Null numbers take the backtest's
 * defaults.
 */
public record SweepBase(List<String> data, List<String> pairs, String timeframe, String strategy,
                        BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps) {

    public SweepBase {
        data = data == null ? List.of() : List.copyOf(data);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        strategy = strategy == null ? io.tradingstack.strategy.Strategies.DEFAULT : strategy;
    }
}
