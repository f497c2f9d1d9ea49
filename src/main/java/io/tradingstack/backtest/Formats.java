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
        return v instanceof Number n ? fixed(n.doubleValue() * 100, 2, false, true) + " %" : "n/a";
    }

    /** A share (0..1) as an unsigned percent. */
    static String share(Object v) {
        return v instanceof Number n ? fixed(n.doubleValue() * 100, 2, false, false) + " %" : "n/a";
    }

    static String decimals(Object v, int places) {
        if (v instanceof BigDecimal b) {
            return grouped(b.setScale(places, RoundingMode.HALF_EVEN), true);
        }
        return v instanceof Number n ? fixed(n.doubleValue(), places, true, false) : "n/a";
    }

    /**
     * What {@code String.format(Locale.ROOT, "%[+][,].<places>f", v)} writes, without a Formatter per
     * call (a report formats thousands of figures): the Formatter rounds the shortest decimal form of
     * the double ({@link Double#toString}, as {@link BigDecimal#valueOf(double)}) half up, and writes
     * the sign of a negative value, negative zero included, before the magnitude.
     */
    static String fixed(double v, int places, boolean group, boolean plus) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%" + (plus ? "+" : "") + (group ? "," : "") + "." + places + "f", v);
        }
        String magnitude = grouped(BigDecimal.valueOf(Math.abs(v)).setScale(places, RoundingMode.HALF_UP), group);
        return Double.compare(v, 0.0) < 0 ? "-" + magnitude : plus ? "+" + magnitude : magnitude;
    }

    /** The plain digits of {@code b}, with a comma between thousands when {@code group}. */
    private static String grouped(BigDecimal b, boolean group) {
        String plain = b.toPlainString();
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int intEnd = point < 0 ? plain.length() : point;
        int digits = intEnd - start;
        if (!group || digits <= 3) {
            return plain;
        }
        StringBuilder s = new StringBuilder(plain.length() + digits / 3);
        s.append(plain, 0, start);
        for (int i = start; i < intEnd; i++) {
            if (i > start && (intEnd - i) % 3 == 0) {
                s.append(',');
            }
            s.append(plain.charAt(i));
        }
        return s.append(plain, intEnd, plain.length()).toString();
    }

    /** The sign of a figure for colouring: 1, -1 or 0 (also for undefined). */
    static int sign(Object v) {
        return v instanceof Number n ? (int) Math.signum(n.doubleValue()) : 0;
    }
}
