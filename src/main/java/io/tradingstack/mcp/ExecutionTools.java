package io.tradingstack.mcp;

import io.temporal.client.WorkflowNotFoundException;
import io.tradingstack.agents.execution.DecisionMessages;
import io.tradingstack.agents.execution.DecisionRecord;
import io.tradingstack.agents.execution.ExecutionAgentClient;
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
import static io.tradingstack.mcp.Schemas.nullable;
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
                        + "nudge period and sequence, symbols, the system prompt version in force (history: get_prompt_history), "
                        + "preferences, per-symbol gate memory and its last decisions in this run.",
                        object(props()), stateSchema(),
                        ToolSpec.Hints.READ, this::state),
                ToolSpec.of("set_execution_agent", Tier.TRADE, "Pause (paused=true: no observation, no order until resumed) "
                        + "or resume the execution agent; starts it when it is not running (paused first where "
                        + "EXECUTION_AGENT_ENABLED=false). Durable: a restart keeps it.",
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

    /** The agent's view; every field but running, enabled and workflow_id is null while it does not run. */
    static Map<String, Object> stateSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("running", Schemas.flag("whether the agent's workflow runs"));
        p.put("enabled", Schemas.flag("EXECUTION_AGENT_ENABLED on this node"));
        p.put("workflow_id", string("the agent's workflow"));
        p.put("loaded", nullable(Schemas.flag("its stored state is read")));
        p.put("paused", nullable(Schemas.flag("paused: no observation, no order")));
        p.put("mode", nullable(Schemas.enumOf("rules, llm or hybrid", "rules", "llm", "hybrid")));
        p.put("nudge_seconds", nullable(count("seconds between nudges")));
        p.put("symbols", nullable(array(string("product"), "symbols traded")));
        p.put("seq", nullable(count("nudges so far")));
        p.put("decisions", nullable(count("decisions so far")));
        p.put("prompt_version", nullable(count("system prompt version in force")));
        p.put("prompt_text", nullable(string("system prompt in force")));
        p.put("prompt_problem", nullable(string("why the prompt store refused the last prompt signal; null when it did not")));
        p.put("preferences", nullable(anyObject("user preferences the model sees")));
        p.put("memory", nullable(anyObject("per symbol: last consulted price and time, consultations in the window, last bar acted on")));
        p.put("last_decisions", nullable(array(anyObject("a decision: id, decided_by, gate_reason, outcome, decided_at"),
                "this run's last decisions, newest first")));
        return result(p);
    }

    @SuppressWarnings("unchecked")
    private Future<ToolResult> state(ToolCall call) {
        boolean enabled = ExecutionSettings.from(ctx.config()).enabled();
        return ctx.temporal().query(agentId(), DurableNames.ExecutionAgent.GET_STATE, Map.class).map(view -> {
            Map<String, Object> out = base(true, enabled);
            out.putAll(Json.toTextMap(view));
            return ToolResult.ok(out);
        }).recover(err -> err instanceof WorkflowNotFoundException || err.getCause() instanceof WorkflowNotFoundException
                ? Future.succeededFuture(ToolResult.ok(base(false, enabled)))
                : Future.failedFuture(err));
    }

    private Map<String, Object> base(boolean running, boolean enabled) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("running", running);
        out.put("enabled", enabled);
        out.put("workflow_id", agentId());
        for (String k : List.of("loaded", "paused", "mode", "nudge_seconds", "symbols", "seq", "decisions", "prompt_version",
                "prompt_text", "prompt_problem", "preferences", "memory", "last_decisions")) {
            out.put(k, null);
        }
        return out;
    }

    private Future<ToolResult> setPaused(ToolCall call) {
        boolean paused = call.bool("paused", true);
        ExecutionSettings settings = ExecutionSettings.from(ctx.config());
        return ctx.temporal().withClient(client -> ToolResult.ok(Json.toTextMap(
                ExecutionAgentClient.setPaused(client, ctx.temporal().taskQueue(), settings, paused))));
    }
}
