package io.tradingstack.mcp;

import io.tradingstack.agents.BrokerAgentWorkflow;
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
    static final String SET = "set_user_preferences";
    static final String GET = "get_user_preferences";

    private final ToolContext ctx;

    PreferenceTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        return List.of(
                ToolSpec.of(SET, Tier.TRADE, "Set the user's trading preferences (merged into the broker agent's state). "
                        + "Required: experience_level, risk_tolerance, trading_style; optional profit_scraping_percentage "
                        + "as \"20%\" or 0.2. Signal set_user_preferences to workflow broker-agent.", setSchema(), this::set),
                ToolSpec.of(GET, Tier.READ, "The user's trading preferences (defaults: moderate risk, balanced style, "
                        + "intermediate experience). Query get_user_preferences on workflow broker-agent.",
                        Schemas.empty(), this::get));
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
        prefs.put("description", "preferences to merge");
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
        call.notifier().progress(0, 1, "signalling " + BrokerAgentWorkflow.WORKFLOW_ID);
        return ctx.temporal().signalStarted(BrokerAgentWorkflow.WORKFLOW_ID, BrokerAgentWorkflow.TYPE,
                        "set_user_preferences", new Object[]{prefs}, new Object[]{null})
                .map(v -> {
                    call.notifier().progress(1, 1, "preferences signalled");
                    call.notifier().info("user preferences updated: " + prefs.keySet());
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("status", "success");
                    out.put("message", "preferences updated for workflow " + BrokerAgentWorkflow.WORKFLOW_ID);
                    out.put("preferences_set", prefs);
                    return ToolResult.ok(out);
                });
    }

    private Future<ToolResult> get(ToolCall call) {
        return ctx.temporal().queryStarted(BrokerAgentWorkflow.WORKFLOW_ID, BrokerAgentWorkflow.TYPE,
                        "get_user_preferences", Map.class)
                .map(prefs -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) prefs;
                    return ToolResult.ok(new LinkedHashMap<>(typed));
                });
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
