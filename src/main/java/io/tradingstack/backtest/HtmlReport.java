package io.tradingstack.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A self-contained {@code report.html}: inline CSS and SVG only (no scripts, fonts or external
 * links). Headline figures beside the market's change and a full buy-and-hold benchmark; equity with
 * the benchmark line, drawdown, and each pair's price with its fills marked (from report.json's
 * downsampled curves); metrics formatted (percent, two decimals, the reason where a figure is
 * undefined), monthly returns, per-pair figures, trades, fills, limit enforcement and data issues.
 * Long tables are cut at {@link #MAX_ROWS} rows; report.json has them all.
 */
public final class HtmlReport {
    static final int MAX_ROWS = 500;

    private HtmlReport() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> report) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>Backtest ").append(esc(report.get("pair"))).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:16px auto;max-width:1200px;padding:0 12px;color:#222}")
                .append("table{border-collapse:collapse;margin:8px 0 20px;display:block;max-width:100%;overflow-x:auto}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:right}th{background:#f3f3f3}")
                .append("td:first-child,th:first-child{text-align:left}svg{background:#fafafa;border:1px solid #ddd}")
                .append(".cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #ddd;border-radius:6px;padding:6px 12px;min-width:130px}")
                .append(".card b{display:block;font-size:18px}.pos{color:#1a7f37}.neg{color:#d1242f}.why{color:#666;font-size:12px}")
                .append("</style></head><body>");
        h.append("<h1>Backtest ").append(esc(report.get("pair"))).append(" ").append(esc(report.get("timeframe")))
                .append("</h1><p>").append(esc(report.get("start"))).append(" → ").append(esc(report.get("end")))
                .append(", ").append(esc(report.get("bars"))).append(" bars, strategy ").append(esc(report.get("strategy")))
                .append(", initial cash ").append(money(report.get("initial_cash"))).append(" ")
                .append(esc(report.get("quote_currency"))).append("</p>");
        Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
        Map<String, Object> market = (Map<String, Object>) report.get("market");
        Map<String, Object> buyAndHold = (Map<String, Object>) market.get("buy_and_hold");
        h.append("<div class=\"cards\">").append(card("strategy return", percent(metrics.get("total_return"))))
                .append(card("buy and hold", percent(buyAndHold.get("total_return"))));
        ((Map<String, Object>) market.get("market_change")).forEach((pair, change) -> h.append(card("market " + pair, percent(change))));
        h.append(card("max drawdown", percent(negate(metrics.get("max_drawdown")))))
                .append(card("trades", esc(metrics.get("trades"))))
                .append(card("win rate", esc(Formats.share(metrics.get("win_rate")))))
                .append(card("fees", money(metrics.get("fees")))).append("</div>");
        List<Map<String, Object>> curve = (List<Map<String, Object>>) report.get("equity_curve");
        Charts equity = Charts.over(curve);
        Double[] strategy = Charts.values(curve, "equity");
        h.append("<h2>Equity beside buy and hold</h2>").append(equity.lines(List.of(
                new Charts.Series("strategy", "#1f6feb", strategy),
                new Charts.Series("buy and hold", "#9a6700", Charts.values((List<Map<String, Object>>) buyAndHold.get("curve"), "equity"))),
                false));
        h.append("<p class=\"why\">").append(esc(buyAndHold.get("description"))).append("</p>");
        h.append("<h2>Drawdown</h2>").append(equity.lines(List.of(new Charts.Series("drawdown", "#d1242f", Charts.drawdown(strategy))), true));
        List<Map<String, Object>> fills = (List<Map<String, Object>>) report.get("fills");
        ((Map<String, Object>) market.get("price_curve")).forEach((pair, closes) -> h.append("<h2>Price ").append(esc(pair))
                .append(" with fills</h2>").append(equity.priceWithMarkers(
                        new Charts.Series(pair, "#57606a", Charts.values((List<Object>) closes)), Charts.markers(fills, pair))));
        h.append("<h2>Metrics</h2>").append(metricsTable(metrics));
        h.append("<h2>Monthly returns</h2>").append(monthly((Map<String, Object>) market.get("monthly_returns")));
        h.append("<h2>Per pair</h2>").append(perPair((Map<String, Object>) market.get("per_pair")));
        h.append("<h2>Orders</h2>").append(keyValues((Map<String, Object>) report.get("orders")));
        h.append("<h2>Trades</h2>").append(table((List<Map<String, Object>>) report.get("trades")));
        h.append("<h2>Fills</h2>").append(table(fills));
        h.append("<h2>Limit enforcement (days with attempts)</h2>").append(limits((List<Map<String, Object>>) report.get("limit_enforcement")));
        h.append("<h2>Data issues</h2>");
        ((Map<String, Object>) report.get("data_issues")).forEach((k, v) ->
                h.append("<h3>").append(esc(k)).append("</h3>").append(keyValues((Map<String, Object>) v)));
        h.append("</body></html>");
        return h.toString();
    }

    /** Each figure formatted by {@link Formats#metric}; an undefined one says why. */
    @SuppressWarnings("unchecked")
    private static String metricsTable(Map<String, Object> metrics) {
        Map<String, String> reasons = (Map<String, String>) metrics.getOrDefault("reasons", Map.of());
        StringBuilder s = new StringBuilder("<table>");
        metrics.forEach((k, v) -> {
            if (k.equals("reasons")) {
                return;
            }
            String shown = v == null ? "n/a <span class=\"why\">(" + esc(reasons.get(k)) + ")</span>"
                    : Formats.PERCENT.contains(k) && !k.equals("win_rate") ? percent(k.equals("max_drawdown") ? negate(v) : v) : esc(Formats.metric(k, v));
            s.append("<tr><th>").append(esc(k.replace('_', ' '))).append("</th><td>").append(shown).append("</td></tr>");
        });
        return s.append("</table>").toString();
    }

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** Years down, months across, the year's compounded return at the end. */
    private static String monthly(Map<String, Object> months) {
        if (months.isEmpty()) {
            return "<p>none</p>";
        }
        java.util.TreeMap<Integer, Object[]> years = new java.util.TreeMap<>();
        months.forEach((ym, r) -> years.computeIfAbsent(Integer.parseInt(ym.substring(0, 4)), y -> new Object[12])
                [Integer.parseInt(ym.substring(5, 7)) - 1] = r);
        StringBuilder s = new StringBuilder("<table><tr><th>year</th>");
        for (String m : MONTHS) {
            s.append("<th>").append(m).append("</th>");
        }
        s.append("<th>year</th></tr>");
        years.forEach((year, row) -> {
            s.append("<tr><td>").append(year).append("</td>");
            double compounded = 1;
            for (Object r : row) {
                s.append("<td>").append(r == null ? "" : percent(r)).append("</td>");
                compounded *= r instanceof Number n ? 1 + n.doubleValue() : 1;
            }
            s.append("<td>").append(percent(java.math.BigDecimal.valueOf(compounded - 1))).append("</td></tr>");
        });
        return s.append("</table>").toString();
    }

    @SuppressWarnings("unchecked")
    private static String perPair(Map<String, Object> pairs) {
        StringBuilder s = new StringBuilder("<table><tr><th>pair</th><th>trades</th><th>win rate</th><th>closed trades P&amp;L (net of fees)</th>"
                + "<th>fees</th><th>market change</th><th>position at end</th></tr>");
        pairs.forEach((pair, v) -> {
            Map<String, Object> p = (Map<String, Object>) v;
            s.append("<tr><td>").append(esc(pair)).append("</td><td>").append(esc(p.get("trades"))).append("</td><td>")
                    .append(esc(Formats.share(p.get("win_rate")))).append("</td><td>").append(money(p.get("closed_trades_pnl_net"))).append("</td><td>")
                    .append(money(p.get("fees"))).append("</td><td>").append(percent(p.get("market_change"))).append("</td><td>")
                    .append(esc(p.get("position_at_end"))).append("</td></tr>");
        });
        return s.append("</table>").toString();
    }

    private static String card(String label, String value) {
        return "<div class=\"card\">" + esc(label) + "<b>" + value + "</b></div>";
    }

    private static Object negate(Object v) {
        return v instanceof java.math.BigDecimal b ? b.negate() : v;
    }

    /** A fraction as a signed percent with two decimals, coloured; "n/a" when undefined. */
    static String percent(Object v) {
        int sign = Formats.sign(v);
        return "<span class=\"" + (sign > 0 ? "pos" : sign < 0 ? "neg" : "") + "\">" + esc(Formats.percent(v)) + "</span>";
    }

    static String money(Object v) {
        return esc(Formats.decimals(v, 2));
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
        rows.get(0).keySet().forEach(k -> s.append("<th>").append(esc(k.replace('_', ' '))).append("</th>"));
        s.append("</tr>");
        rows.stream().limit(MAX_ROWS).forEach(r -> {
            s.append("<tr>");
            r.forEach((k, v) -> s.append("<td>").append(cell(k, v)).append("</td>"));
            s.append("</tr>");
        });
        s.append("</table>");
        if (rows.size() > MAX_ROWS) {
            s.append("<p>").append(rows.size() - MAX_ROWS).append(" more rows in report.json</p>");
        }
        return s.toString();
    }

    /** Prices and P&L with two decimals, fees with four; quantities and the rest exactly as in report.json. */
    private static String cell(String key, Object v) {
        if (v instanceof java.math.BigDecimal) {
            if (key.equals("fee") || key.equals("fees")) {
                return esc(Formats.decimals(v, 4));
            }
            if (key.endsWith("price") || key.equals("pnl")) {
                return money(v);
            }
        }
        return esc(v);
    }

    static String esc(Object o) {
        String s = o instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(o);
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
