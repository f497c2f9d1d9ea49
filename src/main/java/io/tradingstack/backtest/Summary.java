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
        line(s, "initial cash", report.get("initial_cash"));
        ((Map<String, Object>) report.get("metrics")).forEach((k, v) -> line(s, k, v));
        line(s, "orders", report.get("orders"));
        line(s, "bars/s", ((Map<String, Object>) report.get("throughput")).get("bars_per_second"));
        String border = "+" + "-".repeat(22) + "+" + "-".repeat(52) + "+\n";
        return border + s + border;
    }

    private static void line(StringBuilder s, String k, Object v) {
        String text = v instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(v);
        s.append(String.format("| %-20s | %-50s |%n", k, text.length() > 50 ? text.substring(0, 47) + "..." : text));
    }
}
