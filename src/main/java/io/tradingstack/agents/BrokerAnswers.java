package io.tradingstack.agents;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tradingstack.bus.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline broker's sentences: each quotes the figures a tool returned exactly as returned
 * (numbers are read as exact decimals and written back plainly), never a figure of its own.
 */
final class BrokerAnswers {
    private static final int LIST_ITEMS = 5;
    private static final int ITEM_CHARS = 300;

    private BrokerAnswers() {
    }

    /** A tool result as a map: the JSON object it is, or {text: ...} when it is not JSON. */
    static Map<String, Object> parse(String content) {
        try {
            return Json.MAPPER.readValue(content, new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", content);
            return m;
        }
    }

    /** The sentence for a refused or declined call, or null when the call succeeded. */
    static String problem(String tool, Map<String, Object> r) {
        if (Boolean.TRUE.equals(r.get("declined"))) {
            return "Not done: you declined " + tool + ".";
        }
        if (r.get("error") != null && r.get("message") != null) {
            return "The stack refused " + tool + ": " + r.get("error") + (r.get("code") == null ? "" : " (" + r.get("code") + ")")
                    + ": " + r.get("message");
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static String portfolio(Map<String, Object> p) {
        StringBuilder out = new StringBuilder("Portfolio: cash ").append(v(p.get("cash")))
                .append(" (available ").append(v(p.get("available_cash"))).append(")");
        Map<String, Object> details = p.get("position_details") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        if (details.isEmpty()) {
            out.append(", no open positions");
        }
        details.forEach((symbol, raw) -> {
            Map<String, Object> d = raw instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            out.append("; ").append(symbol).append(" ").append(v(d.get("quantity")))
                    .append(" bought at ").append(v(d.get("entry_price")))
                    .append(", now ").append(v(d.get("current_price")))
                    .append(" (P&L ").append(v(d.get("position_pnl"))).append(")");
        });
        out.append(". Total value ").append(v(p.get("total_portfolio_value")))
                .append(", total P&L net of fees ").append(v(p.get("total_pnl"))).append(" (fees paid ")
                .append(v(p.get("fees_paid"))).append(", realized ").append(v(p.get("realized_pnl"))).append(", unrealized ")
                .append(v(p.get("unrealized_pnl"))).append(").");
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static String order(Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        for (Object o : list(r.get("orders"))) {
            Map<String, Object> order = o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            String head = order.get("side") + " " + v(order.get("qty")) + " " + order.get("symbol") + " " + order.get("status");
            if (order.get("average_price") != null) {
                head += " at " + v(order.get("average_price")) + ", filled " + v(order.get("filled_qty"))
                        + ", fees " + v(order.get("fees"));
            }
            if (order.get("message") != null) {
                head += " (" + order.get("message") + ")";
            }
            parts.add(head + ", order " + order.get("order_id"));
        }
        for (Object f : list(r.get("fills"))) {
            Map<String, Object> fill = f instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            parts.add("fill " + fill.get("side") + " " + v(fill.get("qty")) + " " + fill.get("symbol") + " at "
                    + v(fill.get("fill_price")) + " (cost " + v(fill.get("cost")) + ", fee " + v(fill.get("fee")) + ")");
        }
        return "Order: " + String.join("; ", parts) + ". Total cost " + v(r.get("total_cost")) + ", total proceeds "
                + v(r.get("total_proceeds")) + ".";
    }

    @SuppressWarnings("unchecked")
    static String backtest(Map<String, Object> r) {
        StringBuilder out = new StringBuilder("Backtest ").append(r.get("workflow_id")).append(" of ").append(r.get("pair"))
                .append(" ").append(r.get("timeframe")).append(" (").append(r.get("strategy")).append(", ")
                .append(r.get("start")).append(" to ").append(r.get("end")).append("): total return ")
                .append(v(r.get("total_return"))).append(", final equity ").append(v(r.get("final_equity")))
                .append(", max drawdown ").append(v(r.get("max_drawdown"))).append(", ").append(v(r.get("trades")))
                .append(" closed trades over ").append(v(r.get("bars"))).append(" bars");
        if (r.get("metrics") instanceof Map<?, ?> m) {
            for (String k : List.of("sharpe", "sharpe_ratio", "win_rate", "profit_factor")) {
                if (m.get(k) instanceof Number n) {
                    out.append(", ").append(k.replace('_', ' ')).append(" ").append(v(n));
                }
            }
        }
        return out.append(". Report: ").append(r.get("report_html")).append(".").toString();
    }

    /** Any other result: its scalar fields, and the first items of its lists, as returned. */
    /** get_judge_evaluations: the latest score with its components and actions, and the trend. */
    @SuppressWarnings("unchecked")
    static String judge(Map<String, Object> r) {
        List<Map<String, Object>> evaluations = r.get("evaluations") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
        if (evaluations.isEmpty()) {
            return "The judge has not evaluated yet (get_judge_evaluations listed 0 evaluations).";
        }
        Map<String, Object> last = evaluations.get(0);
        List<String> parts = new ArrayList<>();
        if (last.get("components") instanceof Map<?, ?> c) {
            c.forEach((k, value) -> parts.add(k + " " + v(value)));
        }
        StringBuilder out = new StringBuilder("The judge's latest score is ").append(v(last.get("score")))
                .append(" of 100 (").append(last.get("evaluated_at")).append(", execution prompt version ")
                .append(v(last.get("prompt_version"))).append(")");
        out.append(parts.isEmpty() ? "." : ": " + String.join(", ", parts) + ".");
        if (last.get("actions") instanceof List<?> actions && !actions.isEmpty()) {
            out.append(" It did: ").append(String.join(", ", actions.stream()
                    .map(a -> a instanceof Map<?, ?> m ? String.valueOf(m.get("kind")) : String.valueOf(a)).toList())).append('.');
        }
        if (r.get("trend") instanceof Map<?, ?> t) {
            out.append(" Trend over ").append(v(t.get("evaluations_count"))).append(" evaluations: ").append(t.get("trend"))
                    .append(", average ").append(v(t.get("avg_score"))).append(", improvement ").append(v(t.get("improvement")))
                    .append('.');
        }
        return out.toString();
    }

    static String generic(String tool, Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        r.forEach((k, value) -> {
            if (value instanceof List<?> l) {
                StringBuilder s = new StringBuilder(k + " (" + l.size() + "):");
                l.stream().limit(LIST_ITEMS).forEach(item -> s.append("\n  - ").append(clip(Json.write(item))));
                lists.add(s.toString());
            } else if (value instanceof Map<?, ?> m) {
                parts.add(k + " " + clip(Json.write(m)));
            } else {
                parts.add(k + " " + v(value));
            }
        });
        StringBuilder out = new StringBuilder(tool).append(": ").append(String.join(", ", parts));
        lists.forEach(l -> out.append("\n").append(l));
        return out.toString();
    }

    /** A value as the tool wrote it: decimals in plain notation. */
    static String v(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String clip(String s) {
        return s.length() <= ITEM_CHARS ? s : s.substring(0, ITEM_CHARS) + "…";
    }
}
