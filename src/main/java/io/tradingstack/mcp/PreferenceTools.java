package io.tradingstack.mcp;

import io.tradingstack.bus.Doc;
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
    /** The three keys every client relies on; any other stored key is passed through. */
    private static final List<String> REFERENCE_KEYS = List.of("experience_level", "risk_tolerance", "trading_style");

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
                        Stored.class,
                        new ToolSpec.Hints(false, true, true, false), this::set),
                ToolSpec.of("get_user_preferences", Tier.READ, "The user's trading preferences (defaults: moderate risk, balanced style, "
                        + "intermediate experience), once the broker has loaded its stored state. Update update_user_preferences "
                        + "with nothing to merge (query get_user_preferences reads the same) on workflow broker-agent.",
                        Schemas.empty(), Preferences.class, ToolSpec.Hints.READ, this::get));
    }

    @Doc("the user's trading preferences")
    record Preferences(@Doc("trading experience") String experienceLevel,
                       @Doc("risk appetite") String riskTolerance,
                       @Doc("trading style") String tradingStyle,
                       @Doc(value = "the other stored keys: profit_scraping_percentage (share of realized profit moved to the "
                               + "reserve, a number 0..1, when set), preferences_set (whether the user chose them) and any "
                               + "snake_case key a client set, with a text, number or boolean value", spread = true)
                       Map<String, Object> others) {

        /** The broker's preferences map, the scrape fraction as an exact number. */
        static Preferences of(Map<String, Object> stored) {
            Map<String, Object> others = numbers(stored);
            REFERENCE_KEYS.forEach(others::remove);
            return new Preferences(text(stored.get("experience_level")), text(stored.get("risk_tolerance")),
                    text(stored.get("trading_style")), others);
        }

        private static String text(Object v) {
            return v == null ? null : v.toString();
        }
    }

    @Doc("the preferences after the merge, stored before this answer")
    record Stored(@Doc(value = "success", oneOf = "success") String status,
                  @Doc("what was done") String message,
                  @Doc("the keys this call merged, as given (profit_scraping_percentage as a fraction); passed through: "
                          + "any subset of the preferences' keys") Map<String, Object> preferencesSet,
                  @Doc("every preference after the merge") Preferences preferences) {
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
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) merged;
                    return ToolResult.ok(new Stored("success", "preferences merged and stored for workflow "
                            + DurableNames.Broker.ID, prefs, Preferences.of(typed)));
                });
    }

    /** An empty update: unlike a query, it answers only once a freshly started broker has loaded its stored state. */
    private Future<ToolResult> get(ToolCall call) {
        return ctx.temporal().updateStarted(DurableNames.Broker.ID, DurableNames.Broker.TYPE,
                        DurableNames.Broker.UPDATE_PREFERENCES, Map.class, new Object[]{null}, Map.of())
                .map(prefs -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) prefs;
                    return ToolResult.ok(Preferences.of(typed));
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
