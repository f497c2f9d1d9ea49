package io.tradingstack.web;

import io.tradingstack.agents.execution.DecisionMessages;
import io.tradingstack.agents.execution.ExecutionAgentClient;
import io.tradingstack.agents.execution.ExecutionPrompt;
import io.tradingstack.agents.execution.ExecutionSettings;
import io.tradingstack.agents.execution.ExecutionView;
import io.tradingstack.agents.judge.JudgeClient;
import io.tradingstack.agents.judge.JudgeMessages;
import io.tradingstack.agents.judge.JudgeRequests;
import io.tradingstack.agents.judge.JudgeSettings;
import io.tradingstack.agents.prompts.PromptHistory;
import io.tradingstack.agents.prompts.PromptMessages;
import io.tradingstack.agents.prompts.PromptRollback;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.Replies;
import io.tradingstack.execution.RiskMessages;
import io.tradingstack.llm.LlmSettings;
import io.tradingstack.runtime.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agents page's API: the execution agent (state, decisions, pause/resume), the judge
 * (evaluations with their trend, evaluate now), the execution prompt's versions (rollback) and the
 * risk adjustments. Reads are asked over the bus of the owning component or by the agent's query;
 * writes go through the clients its MCP tools use (set_execution_agent, trigger_performance_evaluation,
 * rollback_prompt), never a second implementation. Mounted after the CSRF guard of POST /api/*.
 */
final class AgentPanels {
    private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(5000);
    private static final String ROLLED_BACK = "rolled back from the dashboard";
    private final Vertx vertx;
    private final AppConfig config;
    private final TemporalAccess temporal;
    private final String provider;

    AgentPanels(Vertx vertx, AppConfig config, TemporalAccess temporal) {
        this.vertx = vertx;
        this.config = config;
        this.temporal = temporal;
        this.provider = LlmSettings.from(config).provider();
        Codecs.register(vertx, DecisionMessages.TYPES);
        Codecs.register(vertx, JudgeMessages.TYPES);
        Codecs.register(vertx, PromptMessages.TYPES);
    }

    void mount(Router router) {
        router.get("/api/agents/execution").handler(this::execution);
        router.get("/api/agents/decisions").handler(this::decisions);
        router.get("/api/judge/evaluations").handler(this::evaluations);
        router.get("/api/prompts").handler(this::prompts);
        router.get("/api/risk/adjustments").handler(this::adjustments);
        router.post("/api/agents/execution/pause").handler(rc -> setPaused(rc, true));
        router.post("/api/agents/execution/resume").handler(rc -> setPaused(rc, false));
        router.post("/api/judge/evaluate").handler(this::evaluate);
        router.post("/api/prompts/rollback").handler(this::rollback);
    }

    /** {@code GET /api/agents/execution}: running or not, paused, mode, provider, prompt version in force, last nudge. */
    private void execution(RoutingContext rc) {
        boolean enabled = ExecutionSettings.from(config).enabled();
        HttpAnswers.reply(rc, temporal.call(client -> ExecutionAgentClient.view(client, temporal.taskQueue())).map(v -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("running", v != null);
            out.put("enabled", enabled);
            out.put("workflow_id", DurableNames.ExecutionAgent.id(temporal.taskQueue()));
            out.put("provider", provider);
            if (v != null) {
                out.putAll(view(v));
            }
            return out;
        }));
    }

    private static Map<String, Object> view(ExecutionView v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("loaded", v.loaded());
        out.put("paused", v.paused());
        out.put("mode", v.mode());
        out.put("nudge_seconds", v.nudgeSeconds());
        out.put("symbols", v.symbols());
        out.put("seq", v.seq());
        out.put("decisions", v.decisions());
        out.put("prompt_version", v.promptVersion());
        out.put("prompt_problem", v.promptProblem());
        // the newest decision is the last nudge's (its time is the nudge's workflow time)
        out.put("last_nudge_at", v.lastDecisions().isEmpty() ? null : v.lastDecisions().get(0).get("decided_at"));
        return out;
    }

    /** {@code GET /api/agents/decisions?limit=&symbol=}: the latest decisions, newest first (get_recent_decisions). */
    private void decisions(RoutingContext rc) {
        String symbol = rc.queryParams().get("symbol");
        if (symbol != null && !config.marketSymbols().contains(symbol)) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "symbol must be one of " + config.marketSymbols());
            return;
        }
        Integer limit = DashboardApi.intParam(rc, "limit", 20, 1, DecisionMessages.MAX_LIMIT);
        if (limit != null) {
            HttpAnswers.reply(rc, ask(Addresses.AGENT_DECISIONS, new DecisionMessages.RecentQuery(limit, symbol, null))
                    .map(Plain::of));
        }
    }

    /** {@code GET /api/judge/evaluations?limit=}: the judge's evaluations, newest first, and their trend. */
    private void evaluations(RoutingContext rc) {
        Integer limit = DashboardApi.intParam(rc, "limit", 20, 1, JudgeMessages.MAX_LIMIT);
        if (limit != null) {
            HttpAnswers.reply(rc, ask(Addresses.JUDGE_EVALUATIONS, new JudgeMessages.EvaluationsQuery(limit, null)).map(Plain::of));
        }
    }

    /** {@code GET /api/prompts?limit=}: the execution prompt in force, its versions with diffs and its switches. */
    private void prompts(RoutingContext rc) {
        Integer limit = DashboardApi.intParam(rc, "limit", 20, 1, PromptMessages.MAX_LIMIT);
        if (limit != null) {
            HttpAnswers.reply(rc, ask(Addresses.PROMPTS_HISTORY, new PromptMessages.HistoryQuery(ExecutionPrompt.AGENT, limit))
                    .map(Plain::of));
        }
    }

    /** {@code GET /api/risk/adjustments?limit=}: stored adjustments newest first, the ones in force and the multipliers now. */
    private void adjustments(RoutingContext rc) {
        Integer limit = DashboardApi.intParam(rc, "limit", 50, 1, 500);
        if (limit != null) {
            HttpAnswers.reply(rc, this.<RiskMessages.Adjustments>ask(Addresses.RISK_ADJUSTMENTS,
                    new RiskMessages.AdjustmentsQuery(limit)).map(a -> {
                        Map<String, Object> out = Plain.object(a);
                        out.put("in_force", Plain.of(a.adjustments().stream().filter(x -> x.activeAt(a.asOf())).toList()));
                        return out;
                    }));
        }
    }

    /** {@code POST /api/agents/execution/pause|resume}: set_execution_agent's path. */
    private void setPaused(RoutingContext rc, boolean paused) {
        ExecutionSettings settings = ExecutionSettings.from(config);
        HttpAnswers.reply(rc, temporal.call(client -> ExecutionAgentClient.setPaused(client, temporal.taskQueue(), settings, paused))
                .map(Plain::of));
    }

    /** {@code POST /api/judge/evaluate} with {@code {force}}: trigger_performance_evaluation's path (queued or skipped with the reason). */
    private void evaluate(RoutingContext rc) {
        JsonObject body = body(rc);
        if (body == null || !(body.getValue("force", false) instanceof Boolean force)) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, "the body must be a JSON object with an optional boolean force");
            return;
        }
        JudgeSettings settings = JudgeSettings.from(config);
        JudgeRequests.Trigger trigger = new JudgeRequests.Trigger(0, force);
        HttpAnswers.reply(rc, temporal.call(client -> JudgeClient.trigger(client, temporal.taskQueue(), settings, trigger))
                .map(Plain::of));
    }

    /** {@code POST /api/prompts/rollback} with {@code {version, reason}}: rollback_prompt's path. */
    private void rollback(RoutingContext rc) {
        JsonObject body = body(rc);
        PromptRollback rollback;
        try {
            if (body == null || !(body.getValue("version") instanceof Integer version)) {
                throw new IllegalArgumentException("the body must be a JSON object with an integer version");
            }
            String reason = body.getValue("reason") instanceof String s && !s.isBlank() ? s : ROLLED_BACK;
            rollback = new PromptRollback(ExecutionPrompt.AGENT, version, "user", reason);
        } catch (IllegalArgumentException | ClassCastException e) {
            HttpAnswers.error(rc, ErrorCode.WEB_BAD_REQUEST, e.getMessage());
            return;
        }
        ExecutionSettings settings = ExecutionSettings.from(config);
        HttpAnswers.reply(rc, this.<PromptHistory>ask(Addresses.PROMPTS_HISTORY,
                new PromptMessages.HistoryQuery(ExecutionPrompt.AGENT, PromptMessages.MAX_LIMIT)).compose(h -> temporal.call(client ->
                        JudgeClient.rollback(client, temporal.taskQueue(), settings, h, rollback))).map(Plain::of));
    }

    /** The JSON object body (an empty body is {}), or null when it is not one. */
    private static JsonObject body(RoutingContext rc) {
        try {
            return rc.body().isEmpty() ? new JsonObject() : rc.body().asJsonObject();
        } catch (RuntimeException notAnObject) {
            return null;
        }
    }

    private <T> Future<T> ask(String address, Object body) {
        return Replies.coded(vertx.eventBus().<T>request(address, body, ASK)).map(m -> m.body());
    }
}
