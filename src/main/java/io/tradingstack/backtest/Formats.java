package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * How report figures read, on the console and in report.html: fractions as signed percent with two
 * decimals, money with two decimals and thousands separators, ratios with two decimals, counts as
 * they are, "n/a" for an undefined figure. report.json keeps the exact values.
 */
final class Formats {
    static final Set<String> PERCENT = Set.of("total_return", "annualized_return", "max_drawdown", "win_rate", "market_change");
    static final Set<String> RATIO = Set.of("sharpe", "sortino", "profit_factor");
    static final Set<String> COUNT = Set.of("trades", "open_trades");

    private Formats() {
    }

    /** A metric by its name: drawdown shown as a loss (negative percent). */
    static String metric(String key, Object v) {
        if (v == null) {
            return "n/a";
        }
        if (key.equals("win_rate")) {
            return share(v);
        }
        if (PERCENT.contains(key)) {
            return percent(key.equals("max_drawdown") && v instanceof BigDecimal b ? b.negate() : v);
        }
        if (RATIO.contains(key)) {
            return decimals(v, 2);
        }
        return COUNT.contains(key) || !(v instanceof Number) ? String.valueOf(v) : decimals(v, 2);
    }

    static String percent(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%+.2f %%", n.doubleValue() * 100) : "n/a";
    }

    /** A share (0..1) as an unsigned percent. */
    static String share(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.2f %%", n.doubleValue() * 100) : "n/a";
    }

    static String decimals(Object v, int places) {
        if (v instanceof BigDecimal b) {
            return String.format(Locale.ROOT, "%,." + places + "f", b.setScale(places, RoundingMode.HALF_EVEN));
        }
        return v instanceof Number n ? String.format(Locale.ROOT, "%,." + places + "f", n.doubleValue()) : "n/a";
    }

    /** The sign of a figure for colouring: 1, -1 or 0 (also for undefined). */
    static int sign(Object v) {
        return v instanceof Number n ? (int) Math.signum(n.doubleValue()) : 0;
    }
}
