package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.execution.RiskMessages;
import io.tradingstack.risk.BlockReason;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.array;
import static io.tradingstack.mcp.Schemas.count;
import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.mapOf;
import static io.tradingstack.mcp.Schemas.nullable;
import static io.tradingstack.mcp.Schemas.number;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.result;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.time;

/**
 * get_limit_enforcement / get_risk_adjustments: what the live risk gate (every order passes it)
 * decided on a UTC day, and the stored adjustments that scale its limits.
 */
final class RiskTools {
    private static final long TIMEOUT_MS = 15_000;
    private final ToolContext ctx;

    RiskTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        Map<String, Object> date = string("UTC day as YYYY-MM-DD (default today)", 10);
        date.put("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
        return List.of(
                ToolSpec.of("get_limit_enforcement", Tier.READ, "The live risk gate's limit_enforcement for one UTC day "
                        + "(the fields of a backtest report's limit_enforcement: attempts, executions, blocks per reason with "
                        + "readable details, limits the approved orders came near), plus the limits in force, the day's "
                        + "equity anchor and approvals the ledger then refused (voided). Every order, a client's or an "
                        + "agent's, is judged here before the ledger holds its funds.", object(props("date", date)),
                        enforcementSchema(), ToolSpec.Hints.READ, this::enforcement),
                ToolSpec.of("get_risk_adjustments", Tier.READ, "Stored risk adjustments (multipliers of every percentage "
                        + "limit, global or per symbol, with reason, author and end), newest first, and the multipliers in "
                        + "force now (the strictest wins, clamped to [min, max]).",
                        object(props("limit", integer("most adjustments listed", 1, 500, 50L))),
                        adjustmentsSchema(), ToolSpec.Hints.READ, this::adjustments));
    }

    private Future<ToolResult> enforcement(ToolCall call) {
        LocalDate day;
        try {
            day = call.arg("date") == null ? null : LocalDate.parse(String.valueOf(call.arg("date")));
        } catch (DateTimeParseException e) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, "date must be a calendar day YYYY-MM-DD"));
        }
        return this.<RiskMessages.Enforcement>request(Addresses.RISK_ENFORCEMENT, new RiskMessages.EnforcementQuery(day))
                .map(e -> {
                    Map<String, Object> out = new LinkedHashMap<>(e.day());
                    out.put("anchor", e.anchor());
                    out.put("limits", e.limits());
                    out.put("voided", e.voided());
                    return ToolResult.ok(out);
                });
    }

    private Future<ToolResult> adjustments(ToolCall call) {
        int limit = call.arg("limit") instanceof Number n ? n.intValue() : 50;
        return this.<RiskMessages.Adjustments>request(Addresses.RISK_ADJUSTMENTS, new RiskMessages.AdjustmentsQuery(limit))
                .map(a -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("as_of", a.asOf());
                    out.put("global_multiplier", a.global());
                    out.put("symbol_multipliers", a.symbols());
                    out.put("min_multiplier", a.min());
                    out.put("max_multiplier", a.max());
                    out.put("adjustments", a.adjustments());
                    out.put("count", a.adjustments().size());
                    return ToolResult.ok(out);
                });
    }

    private <T> Future<T> request(String address, Object body) {
        return Replies.coded(ctx.vertx().eventBus().<T>request(address, body, new DeliveryOptions().setSendTimeout(TIMEOUT_MS)))
                .map(m -> m.body());
    }

    static Map<String, Object> enforcementSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("date", string("UTC day"));
        p.put("trades_attempted", count("orders judged"));
        p.put("trades_executed", count("orders approved"));
        p.put("execution_rate", nullable(number("executed / attempted; null when nothing was attempted")));
        for (BlockReason r : BlockReason.values()) {
            p.put("trades_blocked_by_" + r.key(), count("orders refused for " + r.key()));
        }
        p.put("trades_blocked_by_risk_limits", count("orders refused by a percentage risk limit"));
        p.put("risk_block_breakdown", mapOf(count("refusals"), "refusals per percentage risk limit"));
        p.put("blocked_details", array(result(props("time", time("decision time"), "symbol", string("product"),
                "side", enumOf("side", "buy", "sell"), "price", number("price judged at"), "reason", string("limit key"),
                "detail", string("readable reason"))), "each refusal"));
        p.put("risk_limit_hints", array(result(props("time", time("decision time"), "symbol", string("product"),
                "limit", string("limit key"), "used", number("used"), "cap", number("cap"), "unit", string("qty, trades or pct"),
                "utilization", number("used / cap"))), "approvals that came within 10 % of a limit"));
        p.put("anchor", nullable(number("equity the day's loss is measured from; null when the gate decided nothing that day")));
        p.put("limits", result(props("max_position_risk_pct", number("percent of equity at risk at a declared stop"),
                "max_symbol_exposure_pct", number("percent of equity in one symbol"),
                "max_portfolio_exposure_pct", number("percent of equity in all positions"),
                "max_daily_loss_pct", number("daily loss that stops entries"),
                "max_daily_risk_budget_pct", nullable(number("daily risk budget; null = off")),
                "max_trades_per_day", nullable(count("approved orders per day; null = off")),
                "symbol_vetoes", array(string("symbol"), "vetoed symbols"),
                "direction_vetoes", array(string("direction"), "vetoed directions"))));
        p.put("voided", array(result(props("time", time("decision time"), "order_id", string("order"), "symbol", string("product"),
                "side", enumOf("side", "buy", "sell"), "qty", number("quantity"), "code", nullable(string("the ledger's code")),
                "detail", nullable(string("why")))), "approvals the ledger then refused (not counted)"));
        return result(p);
    }

    static Map<String, Object> adjustmentsSchema() {
        Map<String, Object> adj = result(props("id", count("adjustment id"), "scope", enumOf("scope", "GLOBAL", "SYMBOL"),
                "symbol", nullable(string("product of a symbol adjustment")),
                "multiplier", number("applied multiplier (clamped)"), "requested", number("multiplier asked for"),
                "reason", string("why"), "author", string("who wrote it (judge, user)"), "created_at", time("when"),
                "expires_at", nullable(time("end; null = none")),
                "until_winning_days", nullable(count("ends after this many winning days; null = none")),
                "revoked_at", nullable(time("when it was ended; null = not ended")),
                "revoked_reason", nullable(string("why it was ended"))));
        return result(props("as_of", time("when the multipliers were computed"),
                "global_multiplier", number("multiplier of every symbol's limits now"),
                "symbol_multipliers", mapOf(number("multiplier"), "strictest multiplier per symbol now"),
                "min_multiplier", number("lowest multiplier applied"), "max_multiplier", number("highest multiplier applied"),
                "adjustments", array(adj, "stored adjustments, newest first"), "count", count("adjustments listed")));
    }
}
