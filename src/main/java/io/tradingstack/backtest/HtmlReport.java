package io.tradingstack.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A self-contained {@code report.html}: inline CSS and SVG only (no scripts, fonts or external
 * links), equity and drawdown charts (from report.json's downsampled curve), metrics, trades, fills,
 * limit enforcement and data issues.
 * Long tables are cut at {@link #MAX_ROWS} rows; report.json has them all.
 */
public final class HtmlReport {
    static final int MAX_ROWS = 500;

    private HtmlReport() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Backtest ")
                .append(esc(report.get("pair"))).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:right}th{background:#f3f3f3}")
                .append("td:first-child,th:first-child{text-align:left}svg{background:#fafafa;border:1px solid #ddd}")
                .append("</style></head><body>");
        h.append("<h1>Backtest ").append(esc(report.get("pair"))).append(" ").append(esc(report.get("timeframe")))
                .append("</h1><p>").append(esc(report.get("start"))).append(" → ").append(esc(report.get("end")))
                .append(", ").append(esc(report.get("bars"))).append(" bars, strategy ").append(esc(report.get("strategy")))
                .append(", initial cash ").append(esc(report.get("initial_cash"))).append(" ")
                .append(esc(report.get("quote_currency"))).append("</p>");
        h.append("<h2>Metrics</h2>").append(keyValues((Map<String, Object>) report.get("metrics")));
        Charts charts = Charts.of((List<Map<String, Object>>) report.get("equity_curve"));
        h.append("<h2>Equity</h2>").append(charts.equity());
        h.append("<h2>Drawdown</h2>").append(charts.drawdown());
        h.append("<h2>Orders</h2>").append(keyValues((Map<String, Object>) report.get("orders")));
        h.append("<h2>Trades</h2>").append(table((List<Map<String, Object>>) report.get("trades")));
        h.append("<h2>Fills</h2>").append(table((List<Map<String, Object>>) report.get("fills")));
        h.append("<h2>Limit enforcement (days with attempts)</h2>").append(limits((List<Map<String, Object>>) report.get("limit_enforcement")));
        h.append("<h2>Data issues</h2>");
        ((Map<String, Object>) report.get("data_issues")).forEach((k, v) ->
                h.append("<h3>").append(esc(k)).append("</h3>").append(keyValues((Map<String, Object>) v)));
        h.append("</body></html>");
        return h.toString();
    }

    public static void write(Map<String, Object> report, Path file) {
        try {
            Files.writeString(file, render(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String limits(List<Map<String, Object>> days) {
        List<Map<String, Object>> rows = days.stream().filter(d -> ((Number) d.get("trades_attempted")).longValue() > 0)
                .map(d -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    d.forEach((k, v) -> {
                        if (!(v instanceof List) && !(v instanceof Map)) {
                            row.put(k.replace("trades_blocked_by_", "blocked: "), v);
                        }
                    });
                    row.put("blocked details", ((List<?>) d.get("blocked_details")).stream()
                            .map(x -> String.valueOf(((Map<?, ?>) x).get("detail"))).distinct().toList());
                    return row;
                }).toList();
        return table(rows);
    }

    private static String keyValues(Map<String, Object> m) {
        StringBuilder s = new StringBuilder("<table>");
        m.forEach((k, v) -> s.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>"));
        return s.append("</table>").toString();
    }

    private static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "<p>none</p>";
        }
        StringBuilder s = new StringBuilder("<table><tr>");
        rows.get(0).keySet().forEach(k -> s.append("<th>").append(esc(k)).append("</th>"));
        s.append("</tr>");
        rows.stream().limit(MAX_ROWS).forEach(r -> {
            s.append("<tr>");
            r.values().forEach(v -> s.append("<td>").append(esc(v)).append("</td>"));
            s.append("</tr>");
        });
        s.append("</table>");
        if (rows.size() > MAX_ROWS) {
            s.append("<p>").append(rows.size() - MAX_ROWS).append(" more rows in report.json</p>");
        }
        return s.toString();
    }

    static String esc(Object o) {
        String s = o instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(o);
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
