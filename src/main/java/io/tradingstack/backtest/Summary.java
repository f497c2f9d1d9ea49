package io.tradingstack.backtest;

import java.util.Map;

/** The console summary table printed after a run. */
final class Summary {
    private Summary() {
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder s = new StringBuilder();
        line(s, "pair", report.get("pair"));
        line(s, "timeframe", report.get("timeframe"));
        line(s, "period", report.get("start") + " → " + report.get("end"));
        line(s, "bars", report.get("bars"));
        line(s, "initial cash", Formats.decimals(report.get("initial_cash"), 2) + " " + report.get("quote_currency"));
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        Map<String, String> reasons = (Map<String, String>) metrics.getOrDefault("reasons", Map.of());
        metrics.forEach((k, v) -> {
            if (!k.equals("reasons")) {
                line(s, k.replace('_', ' '), v == null ? "n/a (" + reasons.get(k) + ")" : Formats.metric(k, v));
            }
        });
        Map<String, Object> market = (Map<String, Object>) report.get("market");
        if (market != null) {
            line(s, "buy and hold return", Formats.percent(((Map<String, Object>) market.get("buy_and_hold")).get("total_return")));
            ((Map<String, Object>) market.get("market_change")).forEach((pair, v) -> line(s, "market " + pair, Formats.percent(v)));
        }
        line(s, "orders", report.get("orders"));
        line(s, "bars/s", ((Map<String, Object>) report.get("throughput")).get("bars_per_second"));
        String border = "+" + "-".repeat(22) + "+" + "-".repeat(52) + "+\n";
        return border + s + border;
    }

    /** One line per dataset saying what was wrong with the data and how it was handled, or that it was clean. */
    @SuppressWarnings("unchecked")
    static String dataFindings(Map<String, Object> report) {
        StringBuilder s = new StringBuilder();
        ((Map<String, Object>) report.get("data_issues")).forEach((name, v) -> {
            Map<String, Object> d = (Map<String, Object>) v;
            java.util.List<String> found = new java.util.ArrayList<>();
            count(found, d, "invalid_rows", "invalid rows dropped");
            count(found, d, "unsorted_rows", "rows out of order (sorted)");
            count(found, d, "duplicate_timestamps", "duplicate timestamps (first kept)");
            if (((Number) d.get("gaps")).longValue() > 0) {
                found.add(d.get("gaps") + " gaps (" + d.get("missing_bars") + " missing bars, not filled)");
            }
            count(found, d, "zero_volume_bars", "zero-volume bars (kept)");
            s.append("data ").append(name).append(": ").append(d.get("bars")).append(" bars, ")
                    .append(found.isEmpty() ? "no issue found" : String.join(", ", found)).append(System.lineSeparator());
        });
        return s.toString();
    }

    private static void count(java.util.List<String> found, Map<String, Object> d, String key, String what) {
        long n = ((Number) d.get(key)).longValue();
        if (n > 0) {
            found.add(n + " " + what);
        }
    }

    private static void line(StringBuilder s, String k, Object v) {
        String text = v instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(v);
        s.append(String.format("| %-20s | %-50s |%n", k, text.length() > 50 ? text.substring(0, 47) + "..." : text));
    }
}
