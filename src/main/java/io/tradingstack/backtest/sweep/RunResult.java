package io.tradingstack.backtest.sweep;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The figures of one run of a sweep, and who ran it: {@code worker} is the worker identity of the
 * node that executed the activity (pid@host), {@code elapsedMillis} its engine time. Figures that
 * are undefined for the run (e.g. Sharpe over fewer than seven days) are null.
 */
public record RunResult(String phase, int window, int index, Map<String, BigDecimal> params,
                        Map<String, BigDecimal> metrics, long bars, String worker, long elapsedMillis) {

    /** The parameters as a {@link ParameterSet} (for the tie-break and the tables). */
    public ParameterSet set() {
        return new ParameterSet(index, params);
    }

    public BigDecimal metric(String name) {
        return metrics.get(name);
    }
}
