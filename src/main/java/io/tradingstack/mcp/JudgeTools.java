package io.tradingstack.mcp;

import io.tradingstack.agents.execution.ExecutionPrompt;
import io.tradingstack.agents.execution.ExecutionSettings;
import io.tradingstack.agents.judge.JudgeClient;
import io.tradingstack.agents.judge.JudgeEvaluation;
import io.tradingstack.agents.judge.JudgeMessages;
import io.tradingstack.agents.judge.JudgeRequests;
import io.tradingstack.agents.judge.JudgeSettings;
import io.tradingstack.agents.judge.JudgeTrend;
import io.tradingstack.agents.prompts.PromptHistory;
import io.tradingstack.agents.prompts.PromptMessages;
import io.tradingstack.agents.prompts.PromptRollback;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Instant;
import java.util.List;

import static io.tradingstack.mcp.Schemas.bool;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;

/**
 * trigger_performance_evaluation / get_judge_evaluations / rollback_prompt: the judge agent
 * (agents.judge). A trigger is the judge workflow's update (queued or skipped with the reason); the
 * evaluations are read from PostgreSQL; a rollback signals the execution agent, which puts the
 * stored version back in force (the judge never writes prompt versions itself).
 */
final class JudgeTools {
    private static final long TIMEOUT_MS = 15_000;
    private final ToolContext ctx;

    JudgeTools(ToolContext ctx) {
        this.ctx = ctx;
        Codecs.register(ctx.vertx(), JudgeMessages.TYPES);
        Codecs.register(ctx.vertx(), PromptMessages.TYPES);
    }

    List<ToolSpec> tools() {
        return List.of(
                ToolSpec.of("trigger_performance_evaluation", Tier.TRADE, "Ask the judge for an evaluation now (it scores the "
                                + "ledger window, reviews it, may version the execution agent's prompt and adjust risk). Skipped, "
                                + "with the reason, inside the cooldown (JUDGE_COOLDOWN_MINUTES) unless force, and past the "
                                + "daily limit (JUDGE_MAX_EVALUATIONS_PER_DAY) always; skipped requests are counted.",
                        object(props("window_days", integer("days of ledger to score (default JUDGE_WINDOW_DAYS)", 1,
                                        JudgeSettings.MAX_WINDOW_DAYS, null),
                                "force", bool("skip the cooldown (the daily limit still holds)", false))),
                        JudgeRequests.TriggerAnswer.class,
                        new ToolSpec.Hints(false, false, false, false), this::trigger),
                ToolSpec.of("get_judge_evaluations", Tier.READ, "The judge's latest evaluations, newest first: score 0-100 with "
                                + "its components and weights, the ledger figures, the prompt version evaluated, the review "
                                + "(findings, recommendations, proposed prompt change and risk adjustments) and the actions taken; "
                                + "plus the trend of the listed scores (improving, declining, stable).",
                        object(props("limit", integer("most evaluations listed", 1, JudgeMessages.MAX_LIMIT, 20L),
                                "since_ts", integer("only evaluations at or after this Unix time (seconds); 0 = all", 0,
                                        Long.MAX_VALUE / 1000, 0L))),
                        Evaluations.class, ToolSpec.Hints.READ, this::evaluations),
                ToolSpec.of("rollback_prompt", Tier.TRADE, "Put a stored version of the execution agent's prompt back in force "
                                + "(see get_prompt_history). The execution agent is signalled and records the switch; its next "
                                + "decisions carry the version.",
                        object(props("version", integer("stored version to put back in force", 1, 1_000_000, null),
                                "reason", string("why (kept with the switch)", 1000)), "version"),
                        JudgeClient.RolledBack.class,
                        new ToolSpec.Hints(false, false, true, false), this::rollback));
    }

    @Doc("the judge's latest evaluations, newest first, and the trend of their scores")
    record Evaluations(@Doc("newest first") List<JudgeEvaluation> evaluations, @Doc(value = "listed", min = 0) int count,
                       @Doc("trend of the listed scores") JudgeTrend trend) {
    }

    private Future<ToolResult> trigger(ToolCall call) {
        JudgeRequests.Trigger t;
        JudgeSettings settings;
        try {
            t = new JudgeRequests.Trigger(call.integer("window_days", 0), call.bool("force", false));
            settings = JudgeSettings.from(ctx.config());
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.JUDGE_BAD_REQUEST, e.getMessage()));
        }
        return ctx.temporal().withClient(client -> JudgeClient.trigger(client, ctx.temporal().taskQueue(), settings, t))
                .map(ToolResult::ok);
    }

    private Future<ToolResult> evaluations(ToolCall call) {
        long since = call.longValue("since_ts", 0);
        JudgeMessages.EvaluationsQuery q = new JudgeMessages.EvaluationsQuery(call.integer("limit", 20),
                since <= 0 ? null : Instant.ofEpochSecond(since));
        return this.<JudgeMessages.Evaluations>request(Addresses.JUDGE_EVALUATIONS, q)
                .map(e -> ToolResult.ok(new Evaluations(e.evaluations(), e.evaluations().size(), e.trend())));
    }

    private Future<ToolResult> rollback(ToolCall call) {
        int version = call.integer("version", 0);
        String reason = call.string("reason", "rolled back by the user");
        PromptRollback rollback;
        try {
            rollback = new PromptRollback(ExecutionPrompt.AGENT, version, "user", reason.isBlank() ? "rolled back by the user" : reason);
        } catch (IllegalArgumentException e) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.JUDGE_BAD_REQUEST, e.getMessage()));
        }
        return this.<PromptHistory>request(Addresses.PROMPTS_HISTORY, new PromptMessages.HistoryQuery(ExecutionPrompt.AGENT,
                PromptMessages.MAX_LIMIT)).compose(h -> ctx.temporal().withClient(client -> ToolResult.ok(
                        JudgeClient.rollback(client, ctx.temporal().taskQueue(), ExecutionSettings.from(ctx.config()), h, rollback))));
    }

    private <T> Future<T> request(String address, Object body) {
        return Replies.coded(ctx.vertx().eventBus().<T>request(address, body, new DeliveryOptions().setSendTimeout(TIMEOUT_MS)))
                .map(m -> m.body());
    }
}
