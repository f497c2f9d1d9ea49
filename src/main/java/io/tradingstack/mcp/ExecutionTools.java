package io.tradingstack.mcp;

import io.temporal.client.WorkflowNotFoundException;
import io.tradingstack.agents.execution.DecisionMessages;
import io.tradingstack.agents.execution.DecisionRecord;
import io.tradingstack.agents.execution.ExecutionAgentClient;
import io.tradingstack.agents.execution.ExecutionSettings;
import io.tradingstack.agents.execution.ExecutionView;
import io.tradingstack.agents.execution.Intent;
import io.tradingstack.agents.execution.OrderOutcome;
import io.tradingstack.agents.execution.Proposal;
import io.tradingstack.agents.execution.SymbolMemory;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.bool;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
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
                        Decisions.class, ToolSpec.Hints.READ, this::recent),
                ToolSpec.of("get_execution_state", Tier.READ, "The execution agent's state: running or not, paused, mode, "
                        + "nudge period and sequence, symbols, the system prompt version in force (history: get_prompt_history), "
                        + "preferences, per-symbol gate memory and its last decisions in this run.",
                        object(props()), State.class,
                        ToolSpec.Hints.READ, this::state),
                ToolSpec.of("set_execution_agent", Tier.TRADE, "Pause (paused=true: no observation, no order until resumed) "
                        + "or resume the execution agent; starts it when it is not running (paused first where "
                        + "EXECUTION_AGENT_ENABLED=false). Durable: a restart keeps it.",
                        object(props("paused", bool("true = pause, false = resume", true)), "paused"),
                        ExecutionAgentClient.Switched.class,
                        new ToolSpec.Hints(false, false, true, false), this::setPaused));
    }

    @Doc("the execution agent's latest decisions, newest first")
    record Decisions(@Doc(value = "decisions listed", min = 0) int count, @Doc("newest first") List<Decision> decisions) {
    }

    /** One stored decision (agent_decisions). */
    record Decision(@Doc("<workflow id>:<seq>:<symbol>, also the client_order_id of its order") String id,
                    @Doc("product") String symbol,
                    @Doc(value = "nudge number", min = 0) long seq,
                    @Doc("workflow time of the nudge (ISO-8601 UTC)") String decidedAt,
                    @Doc(value = "mode of the agent", oneOf = {"rules", "llm", "hybrid"}) String mode,
                    @Doc("rules, llm, hybrid, rules_fallback or skipped") String decidedBy,
                    @Doc("the gate's reason: BOOTSTRAP, SIGNAL, PRICE_MOVE, STALE, or why it skipped") String gateReason,
                    @Doc("the model was asked") boolean consulted,
                    @Doc(value = "why the model's answer was not used; null when it was or was not asked", nullable = true)
                    String fallback,
                    @Doc(value = "the llm_calls row; null when the model was not asked", nullable = true) String llmCallId,
                    @Doc(value = "who answered; null when the model was not asked", nullable = true) String provider,
                    @Doc(value = "system prompt version in force", min = 0) int promptVersion,
                    @Doc(value = "price seen; null when none was", nullable = true) BigDecimal price,
                    @Doc("what the compiled spec said for the symbol, sized") Proposal rules,
                    @Doc("the orders the agent wanted") List<Intent> intents,
                    @Doc("what became of each intent at the risk gate") List<OrderOutcome> riskVerdicts,
                    @Doc("orders placed") List<String> orderIds,
                    @Doc("what came of it") String outcome,
                    @Doc("digest of the decision's inputs") String inputsDigest) {
    }

    /** The agent's view; every field but running, enabled and workflow_id is null while it does not run. */
    @Doc("the execution agent's state; null fields while it does not run")
    record State(@Doc("whether the agent's workflow runs") boolean running,
                 @Doc("EXECUTION_AGENT_ENABLED on this node") boolean enabled,
                 @Doc("the agent's workflow") String workflowId,
                 @Doc(value = "its stored state is read", nullable = true) Boolean loaded,
                 @Doc(value = "paused: no observation, no order", nullable = true) Boolean paused,
                 @Doc(value = "rules, llm or hybrid", nullable = true, oneOf = {"rules", "llm", "hybrid"}) String mode,
                 @Doc(value = "seconds between nudges", nullable = true, min = 0) Integer nudgeSeconds,
                 @Doc(value = "symbols traded", nullable = true) List<String> symbols,
                 @Doc(value = "nudges so far", nullable = true, min = 0) Long seq,
                 @Doc(value = "decisions so far", nullable = true, min = 0) Long decisions,
                 @Doc(value = "system prompt version in force", nullable = true, min = 0) Integer promptVersion,
                 @Doc(value = "system prompt in force", nullable = true) String promptText,
                 @Doc(value = "why the prompt store refused the last prompt signal; null when it did not", nullable = true)
                 String promptProblem,
                 @Doc(value = "user preferences the model sees: open, the preferences as set", nullable = true)
                 Map<String, Object> preferences,
                 @Doc(value = "per symbol: last consulted price and time, consultations in the window, last bar acted on",
                         nullable = true) Map<String, SymbolMemory> memory,
                 @Doc(value = "this run's last decisions, newest first (open: id, decided_by, gate_reason, outcome, "
                         + "decided_at as the agent keeps them)", nullable = true) List<Map<String, Object>> lastDecisions) {
        static State notRunning(boolean enabled, String workflowId) {
            return new State(false, enabled, workflowId, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }

        static State of(boolean enabled, String workflowId, ExecutionView v) {
            return new State(true, enabled, workflowId, v.loaded(), v.paused(), v.mode(), v.nudgeSeconds(), v.symbols(),
                    v.seq(), v.decisions(), v.promptVersion(), v.promptText(), v.promptProblem(), text(v.preferences()),
                    v.memory(), v.lastDecisions() == null ? null : v.lastDecisions().stream().map(Json::toTextMap).toList());
        }

        private static Map<String, Object> text(Object value) {
            return value == null ? null : Json.toTextMap(value);
        }
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
                    List<Decision> rows = m.body().decisions().stream().map(ExecutionTools::row).toList();
                    return ToolResult.ok(new Decisions(rows.size(), rows));
                });
    }

    private static Instant since(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = String.valueOf(raw).trim();
        return s.matches("\\d{1,12}(\\.\\d+)?") ? Instant.ofEpochSecond((long) Double.parseDouble(s)) : Instant.parse(s);
    }

    static Decision row(DecisionRecord d) {
        return new Decision(d.id(), d.symbol(), d.seq(), d.decidedAt(), d.mode(), d.decidedBy(), d.gateReason(), d.consulted(),
                d.fallback(), d.llmCallId(), d.provider(), d.promptVersion(), d.price(),
                d.rules(), d.intents(), d.verdicts(), d.orderIds(), d.outcome(), d.inputsDigest());
    }

    private Future<ToolResult> state(ToolCall call) {
        boolean enabled = ExecutionSettings.from(ctx.config()).enabled();
        return ctx.temporal().query(agentId(), DurableNames.ExecutionAgent.GET_STATE, ExecutionView.class)
                .map(view -> ToolResult.ok(State.of(enabled, agentId(), view)))
                .recover(err -> err instanceof WorkflowNotFoundException || err.getCause() instanceof WorkflowNotFoundException
                ? Future.succeededFuture(ToolResult.ok(State.notRunning(enabled, agentId())))
                : Future.failedFuture(err));
    }

    private Future<ToolResult> setPaused(ToolCall call) {
        boolean paused = call.bool("paused", true);
        ExecutionSettings settings = ExecutionSettings.from(ctx.config());
        return ctx.temporal().withClient(client -> ToolResult.ok(
                ExecutionAgentClient.setPaused(client, ctx.temporal().taskQueue(), settings, paused)));
    }
}
