package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.execution.RiskMessages;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;

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
                        RiskAnswers.Enforcement.class, ToolSpec.Hints.READ, this::enforcement),
                ToolSpec.of("get_risk_adjustments", Tier.READ, "Stored risk adjustments (multipliers of every percentage "
                        + "limit, global or per symbol, with reason, author and end), newest first, and the multipliers in "
                        + "force now (the strictest wins, clamped to [min, max]).",
                        object(props("limit", integer("most adjustments listed", 1, 500, 50L))),
                        RiskAnswers.Adjustments.class, ToolSpec.Hints.READ, this::adjustments));
    }

    private Future<ToolResult> enforcement(ToolCall call) {
        LocalDate day;
        try {
            day = call.arg("date") == null ? null : LocalDate.parse(String.valueOf(call.arg("date")));
        } catch (DateTimeParseException e) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, "date must be a calendar day YYYY-MM-DD"));
        }
        return this.<RiskMessages.Enforcement>request(Addresses.RISK_ENFORCEMENT, new RiskMessages.EnforcementQuery(day))
                .map(e -> ToolResult.ok(RiskAnswers.Enforcement.of(e)));
    }

    private Future<ToolResult> adjustments(ToolCall call) {
        int limit = call.arg("limit") instanceof Number n ? n.intValue() : 50;
        return this.<RiskMessages.Adjustments>request(Addresses.RISK_ADJUSTMENTS, new RiskMessages.AdjustmentsQuery(limit))
                .map(a -> ToolResult.ok(RiskAnswers.Adjustments.of(a)));
    }

    private <T> Future<T> request(String address, Object body) {
        return Replies.coded(ctx.vertx().eventBus().<T>request(address, body, new DeliveryOptions().setSendTimeout(TIMEOUT_MS)))
                .map(m -> m.body());
    }
}
