package io.tradingstack.mcp;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.openObject;
import static io.tradingstack.mcp.Schemas.props;

/** set_user_preferences / get_user_preferences: state held by the broker-agent workflow. */
final class PreferenceTools {

    private final ToolContext ctx;

    PreferenceTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        return List.of(
                ToolSpec.of("set_user_preferences", Tier.TRADE, "Set the user's trading preferences (merged into the broker agent's state "
                        + "and stored in PostgreSQL before this answers, so they survive a restart). Required: "
                        + "experience_level, risk_tolerance, trading_style; optional profit_scraping_percentage as \"20%\" "
                        + "or 0.2. Update update_user_preferences (the merge of signal set_user_preferences) on workflow "
                        + "broker-agent.", setSchema(),
                        Schemas.result(Schemas.props("status", Schemas.enumOf("success", "success"),
                                "message", Schemas.string("what was done"), "preferences_set", preferencesSchema(false),
                                "preferences", preferencesSchema(true))),
                        new ToolSpec.Hints(false, true, true, false), this::set),
                ToolSpec.of("get_user_preferences", Tier.READ, "The user's trading preferences (defaults: moderate risk, balanced style, "
                        + "intermediate experience), once the broker has loaded its stored state. Update update_user_preferences "
                        + "with nothing to merge (query get_user_preferences reads the same) on workflow broker-agent.",
                        Schemas.empty(), preferencesSchema(true), ToolSpec.Hints.READ, this::get));
    }

    /** The preferences object: the three reference keys, the scrape fraction, and any other snake_case key. */
    static Map<String, Object> preferencesSchema(boolean complete) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", props("experience_level", Schemas.string("trading experience"),
                "risk_tolerance", Schemas.string("risk appetite"), "trading_style", Schemas.string("trading style"),
                "profit_scraping_percentage", Schemas.number("share of realized profit moved to the reserve, 0..1")));
        if (complete) {
            s.put("required", List.of("experience_level", "risk_tolerance", "trading_style"));
        }
        s.put("additionalProperties", Map.of("type", List.of("string", "number", "boolean", "null")));
        return s;
    }

    private static Map<String, Object> setSchema() {
        Map<String, Object> scrape = new LinkedHashMap<>();
        scrape.put("description", "share of realized profit moved to the reserve: \"20%\" or 0.2");
        scrape.put("type", List.of("string", "number"));
        Map<String, Object> prefs = openObject(props(
                "experience_level", enumOf("trading experience", "beginner", "intermediate", "advanced"),
                "risk_tolerance", enumOf("risk appetite", "low", "medium", "moderate", "high"),
                "trading_style", enumOf("trading style", "conservative", "balanced", "aggressive"),
                "profit_scraping_percentage", scrape),
                "experience_level", "risk_tolerance", "trading_style");
        prefs.put("description", "preferences to merge (other keys: snake_case names with text, number or boolean values)");
        prefs.put("propertyNames", Map.of("pattern", "^[a-z][a-z0-9_]{0,63}$"));
        prefs.put("additionalProperties", Map.of("type", List.of("string", "number", "boolean")));
        prefs.put("maxProperties", 32);
        return object(props("preferences", prefs), "preferences");
    }

    @SuppressWarnings("unchecked")
    private Future<ToolResult> set(ToolCall call) {
        Map<String, Object> prefs = new LinkedHashMap<>((Map<String, Object>) call.arg("preferences"));
        if (prefs.containsKey("profit_scraping_percentage")) {
            BigDecimal fraction = scrapeFraction(prefs.get("profit_scraping_percentage"));
            if (fraction == null) {
                return Future.succeededFuture(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS,
                        "profit_scraping_percentage must be a percentage (\"20%\") or a fraction between 0 and 1"));
            }
            prefs.put("profit_scraping_percentage", fraction);
        }
        call.notifier().progress(0, 1, "updating " + DurableNames.Broker.ID);
        return ctx.temporal().updateStarted(DurableNames.Broker.ID, DurableNames.Broker.TYPE,
                        DurableNames.Broker.UPDATE_PREFERENCES, Map.class, new Object[]{null}, prefs)
                .map(merged -> {
                    call.notifier().progress(1, 1, "preferences stored");
                    call.notifier().info("user preferences updated: " + prefs.keySet());
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("status", "success");
                    out.put("message", "preferences merged and stored for workflow " + DurableNames.Broker.ID);
                    out.put("preferences_set", prefs);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) merged;
                    out.put("preferences", numbers(typed));
                    return ToolResult.ok(out);
                });
    }

    /** An empty update: unlike a query, it answers only once a freshly started broker has loaded its stored state. */
    private Future<ToolResult> get(ToolCall call) {
        return ctx.temporal().updateStarted(DurableNames.Broker.ID, DurableNames.Broker.TYPE,
                        DurableNames.Broker.UPDATE_PREFERENCES, Map.class, new Object[]{null}, Map.of())
                .map(prefs -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) prefs;
                    return ToolResult.ok(PreferenceTools.numbers(typed));
                });
    }

    /** The scrape fraction comes back from Temporal as text or a double; it leaves as an exact number. */
    static Map<String, Object> numbers(Map<String, Object> prefs) {
        Map<String, Object> out = new LinkedHashMap<>(prefs);
        out.computeIfPresent("profit_scraping_percentage", (k, v) -> scrapeFraction(v));
        return out;
    }

    /** "20%" → 0.20, 0.2 → 0.2; null when out of [0, 1] or unreadable. */
    static BigDecimal scrapeFraction(Object value) {
        try {
            BigDecimal fraction;
            if (value instanceof Number n) {
                fraction = new BigDecimal(n.toString());
            } else {
                String s = value.toString().trim();
                fraction = s.endsWith("%")
                        ? new BigDecimal(s.substring(0, s.length() - 1).trim()).movePointLeft(2)
                        : new BigDecimal(s);
            }
            return fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0 ? null : fraction;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
