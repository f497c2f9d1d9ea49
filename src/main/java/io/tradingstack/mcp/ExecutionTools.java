package io.tradingstack.mcp;

import io.temporal.client.WorkflowNotFoundException;
import io.tradingstack.agents.execution.DecisionMessages;
import io.tradingstack.agents.execution.DecisionRecord;
import io.tradingstack.agents.execution.ExecutionSettings;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.anyObject;
import static io.tradingstack.mcp.Schemas.array;
import static io.tradingstack.mcp.Schemas.bool;
import static io.tradingstack.mcp.Schemas.count;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.result;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * get_recent_decisions / get_execution_state / set_execution_agent: what the execution agent
 * decided (PostgreSQL agent_decisions), its state (a query of its workflow) and pausing or
 * resuming it (a signal; starts the agent when it is not running, like other singletons).
 */
final class ExecutionTools {
    private static final long TIMEOUT_MS = 15_000;
    private final ToolContext ctx;

    ExecutionTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        Map<String, Object> since = string("only decisions at or after this time: ISO-8601 or epoch seconds", 40);
        return List.of(
                ToolSpec.of("get_recent_decisions", Tier.READ, "The execution agent's latest decisions, newest first: one per "
                        + "nudge and symbol with the gate's reason (BOOTSTRAP, SIGNAL, PRICE_MOVE, STALE, or why it skipped: "
                        + "PRICE_DELTA<x%, RATE_LIMIT), who decided (rules, llm, hybrid, rules_fallback with the fallback "
                        + "reason, skipped), the LLM call id, the intents, the risk gate's verdicts, the order ids, the prompt "
                        + "version and the inputs digest.",
                        object(props("limit", integer("most decisions listed", 1, DecisionMessages.MAX_LIMIT, 10L),
                                "symbol", symbol("only this product"), "since_ts", since)),
                        result(props("count", count("decisions listed"), "decisions", array(anyObject("a decision"),
                                "newest first"))), ToolSpec.Hints.READ, this::recent),
                ToolSpec.of("get_execution_state", Tier.READ, "The execution agent's state: running or not, paused, mode, "
                        + "nudge period and sequence, symbols, the system prompt version in force, preferences, pending "
                        + "feedback, per-symbol gate memory and its last decisions in this run.",
                        object(props()), result(props("running", Schemas.flag("whether the agent's workflow runs"))),
                        ToolSpec.Hints.READ, this::state),
                ToolSpec.of("set_execution_agent", Tier.TRADE, "Pause (paused=true: no observation, no order until resumed) "
                        + "or resume the execution agent; starts it when it is not running. Durable: a restart keeps it.",
                        object(props("paused", bool("true = pause, false = resume", true)), "paused"),
                        result(props("paused", Schemas.flag("what was asked"), "workflow_id", string("the agent's workflow"))),
                        new ToolSpec.Hints(false, false, true, false), this::setPaused));
    }

    private String agentId() {
        return DurableNames.ExecutionAgent.id(ctx.temporal().taskQueue());
    }

    private Future<ToolResult> recent(ToolCall call) {
        DecisionMessages.RecentQuery q;
        try {
            q = new DecisionMessages.RecentQuery(call.integer("limit", 10), (String) call.arg("symbol"), since(call.arg("since_ts")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, e.getMessage()));
        }
        return Replies.coded(ctx.vertx().eventBus().<DecisionMessages.Recent>request(Addresses.AGENT_DECISIONS, q,
                new DeliveryOptions().setSendTimeout(TIMEOUT_MS))).map(m -> {
                    List<Map<String, Object>> rows = m.body().decisions().stream().map(ExecutionTools::row).toList();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("count", rows.size());
                    out.put("decisions", rows);
                    return ToolResult.ok(out);
                });
    }

    private static Instant since(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = String.valueOf(raw).trim();
        return s.matches("\\d{1,12}(\\.\\d+)?") ? Instant.ofEpochSecond((long) Double.parseDouble(s)) : Instant.parse(s);
    }

    static Map<String, Object> row(DecisionRecord d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("symbol", d.symbol());
        m.put("seq", d.seq());
        m.put("decided_at", d.decidedAt());
        m.put("mode", d.mode());
        m.put("decided_by", d.decidedBy());
        m.put("gate_reason", d.gateReason());
        m.put("consulted", d.consulted());
        m.put("fallback", d.fallback());
        m.put("llm_call_id", d.llmCallId());
        m.put("provider", d.provider());
        m.put("prompt_version", d.promptVersion());
        m.put("price", d.price());
        m.put("rules", Json.toTextMap(d.rules()));
        m.put("intents", d.intents().stream().map(Json::toTextMap).toList());
        m.put("risk_verdicts", d.verdicts().stream().map(Json::toTextMap).toList());
        m.put("order_ids", d.orderIds());
        m.put("outcome", d.outcome());
        m.put("inputs_digest", d.inputsDigest());
        return m;
    }

    @SuppressWarnings("unchecked")
    private Future<ToolResult> state(ToolCall call) {
        return ctx.temporal().query(agentId(), DurableNames.ExecutionAgent.GET_STATE, Map.class).map(view -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("running", true);
            out.put("workflow_id", agentId());
            out.putAll((Map<String, Object>) view);
            return ToolResult.ok(out);
        }).recover(err -> err instanceof WorkflowNotFoundException || err.getCause() instanceof WorkflowNotFoundException
                ? Future.succeededFuture(ToolResult.ok(Map.of("running", false, "workflow_id", agentId(),
                "enabled", ExecutionSettings.from(ctx.config()).enabled())))
                : Future.failedFuture(err));
    }

    private Future<ToolResult> setPaused(ToolCall call) {
        boolean paused = call.bool("paused", true);
        ExecutionSettings settings = ExecutionSettings.from(ctx.config());
        return ctx.temporal().signalStarted(agentId(), DurableNames.ExecutionAgent.TYPE,
                paused ? DurableNames.ExecutionAgent.PAUSE : DurableNames.ExecutionAgent.RESUME, new Object[0],
                new Object[]{settings, null}).map(runId -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("paused", paused);
                    out.put("workflow_id", agentId());
                    return ToolResult.ok(out);
                });
    }
}
