package io.tradingstack.backtest.sweep;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A finished sweep: every run ranked by the metric (for walk-forward: the training runs, window by
 * window), the walk-forward windows with their out-of-sample figures and the compounded
 * out-of-sample return (null without walk-forward), and how many runs each worker executed.
 */
public record SweepResult(String metric, int runs, List<RunResult> ranked, List<WindowResult> windows,
                          BigDecimal outOfSampleReturn, Map<String, Integer> runsByWorker) {
}
