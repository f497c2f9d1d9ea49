package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Orders the runs of a sweep by one metric: best first (lowest for max_drawdown, highest for the
 * others), an undefined figure last; ties are broken by the parameter set's key, then the window and
 * the index, so the order never depends on which node finished first.
 */
public final class Ranking {
    /** The figures every run records (from the backtest's metrics), in table order. */
    public static final List<String> METRICS = List.of("total_return", "annualized_return", "sharpe", "sortino",
            "max_drawdown", "win_rate", "profit_factor", "trades", "final_equity");
    public static final String DEFAULT_METRIC = "total_return";
    private static final String LOWER_IS_BETTER = "max_drawdown";

    private Ranking() {
    }

    public static void check(String metric) {
        if (!METRICS.contains(metric)) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "unknown metric '" + metric + "'; known: "
                    + String.join(", ", METRICS));
        }
    }

    /** The runs ordered best first. */
    public static List<RunResult> rank(List<RunResult> runs, String metric) {
        Map<RunResult, String> keys = new IdentityHashMap<>();
        runs.forEach(r -> keys.put(r, r.set().key()));
        List<RunResult> out = new ArrayList<>(runs);
        out.sort(order(metric, keys::get));
        return out;
    }

    private static Comparator<RunResult> order(String metric, Function<RunResult, String> key) {
        Comparator<BigDecimal> values = LOWER_IS_BETTER.equals(metric) ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing((RunResult r) -> r.metric(metric), Comparator.nullsLast(values))
                .thenComparing(key)
                .thenComparingInt(RunResult::window)
                .thenComparingInt(RunResult::index);
    }
}
