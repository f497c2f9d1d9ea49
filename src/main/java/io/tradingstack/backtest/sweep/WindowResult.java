package io.tradingstack.backtest.sweep;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One walk-forward window: the set ranked first on the training span (and its figure there) and
 * the same set's figures on the test span that follows, out of sample.
 */
public record WindowResult(Window window, int chosenIndex, Map<String, BigDecimal> chosen, BigDecimal trainMetric,
                           RunResult test) {
}
