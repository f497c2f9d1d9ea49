package io.tradingstack.agents.judge;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.tradingstack.agents.execution.ExecutionAgentWorkflow;
import io.tradingstack.agents.execution.ExecutionView;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.mcp.McpTestServer;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance on a whole node (ledger, risk gate, prompt store, execution agent, worker, MCP; no
 * key: the offline review rules), with the judge scoring drawdown only so the test controls the
 * score: user feedback makes a new prompt version that reaches the execution agent; an equity
 * crash makes the next evaluation score worse by more than the delta and the version is rolled
 * back automatically, risk is halved until two winning days; a manual rollback; the flood guard
 * and the cooldown skip and count; a fresh judge run (as after a restart) keeps its count.
 */
class JudgeAgentStackTest {
    private static final String FEEDBACK = "Hold no position over the weekend.";
    /** Two equity samples after every real one: a peak above any equity of the test run, then a crash. */
    private static final Instant PEAK_AT = Instant.now().plus(Duration.ofDays(1));
    private static final Instant CRASH_AT = PEAK_AT.plus(Duration.ofHours(1));
    /** Then two winning days. */
    private static final Instant WIN_1 = PEAK_AT.plus(Duration.ofDays(1));
    private static final Instant WIN_2 = PEAK_AT.plus(Duration.ofDays(2));
    private static McpTestServer node;
    private static McpSyncClient client;

    @BeforeAll
    static void start() {
        McpTestServer.resetSingletons();
        // a database of its own: the judge's adjustments and the agent's trades must not reach later test classes
        node = McpTestServer.node(Set.of("ledger"), Map.of("JUDGE_WEIGHTS", "drawdown=1", "JUDGE_DRAWDOWN_LIMIT", "1",
                "JUDGE_MAX_EVALUATIONS_PER_DAY", "3", "JUDGE_COOLDOWN_MINUTES", "600", "JUDGE_EVAL_MINUTES", "1440",
                "PG_URL", io.tradingstack.ledger.LedgerDb.fresh().pgUrl()));
        client = node.client();
        sample(PEAK_AT, "1000000000000");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            client.closeGracefully();
            node.close();
        }
        McpTestServer.resetSingletons();
    }

    @Test
    @SuppressWarnings("unchecked")
    void feedbackVersionsThePromptAWorseScoreRollsItBackAndPacingSurvivesARestart() {
        call("send_user_feedback", Map.of("target_agent", "execution", "message", FEEDBACK));
        assertEquals(Boolean.TRUE, call("trigger_performance_evaluation", Map.of("force", true)).get("triggered"));
        Map<String, Object> first = evaluation(1);
        assertTrue(kinds(first).contains("prompt_version"), first.toString());
        ExecutionAgentWorkflow agent = TestInfra.temporal().client().newWorkflowStub(ExecutionAgentWorkflow.class,
                DurableNames.ExecutionAgent.id(McpTestServer.QUEUE));
        ExecutionView v2 = Eventually.eventuallyGet(Duration.ofSeconds(30), "the new version in force", agent::getExecutionState,
                v -> v.promptVersion() == 2);
        assertTrue(v2.promptText().endsWith("- The user asks: " + FEEDBACK), v2.promptText());
        assertEquals(0, ((Number) call("get_pending_feedback", Map.of("target_agent", "execution")).get("count")).intValue(),
                "the judge consumed the feedback it used");

        Map<String, Object> skipped = call("trigger_performance_evaluation", Map.of());
        assertEquals(Boolean.FALSE, skipped.get("triggered"));
        assertTrue(String.valueOf(skipped.get("reason")).startsWith("cooldown"), skipped.toString());

        sample(CRASH_AT, "1");
        assertEquals(Boolean.TRUE, call("trigger_performance_evaluation", Map.of("force", true)).get("triggered"));
        Map<String, Object> second = evaluation(2);
        double drop = ((Number) first.get("score")).doubleValue() - ((Number) second.get("score")).doubleValue();
        assertTrue(drop >= 5, "scored worse by at least JUDGE_ROLLBACK_DELTA: " + drop + "\n" + first + "\n" + second);
        assertTrue(kinds(second).contains("prompt_rollback"), second.toString());
        Eventually.eventually(Duration.ofSeconds(30), "version 1 back in force", () -> agent.getExecutionState().promptVersion() == 1);
        assertTrue(kinds(second).contains("adjustment"), second.toString());
        Map<String, Object> adjustments = call("get_risk_adjustments", Map.of("limit", 10));
        assertEquals(0.5, ((Number) adjustments.get("global_multiplier")).doubleValue(), adjustments.toString());
        Map<String, Object> judged = ((List<Map<String, Object>>) adjustments.get("adjustments")).get(0);
        assertEquals("judge", judged.get("author"));
        assertEquals(2, ((Number) judged.get("until_winning_days")).intValue(), judged.toString());
        assertTrue(judged.get("expires_at") != null, "a winning-days adjustment still expires: " + judged);

        Map<String, Object> rolled = call("rollback_prompt", Map.of("version", 2, "reason", "the user prefers it"));
        assertEquals(1, ((Number) rolled.get("previous_version")).intValue());
        Eventually.eventually(Duration.ofSeconds(30), "manual rollback to 2", () -> agent.getExecutionState().promptVersion() == 2);
        assertTrue(isError("rollback_prompt", Map.of("version", 99)).contains("JUDGE_NO_SUCH_VERSION"));

        assertEquals(Boolean.TRUE, call("trigger_performance_evaluation", Map.of("force", true)).get("triggered"));
        evaluation(3);
        Map<String, Object> flooded = call("trigger_performance_evaluation", Map.of("force", true));
        assertEquals(Boolean.FALSE, flooded.get("triggered"));
        assertTrue(String.valueOf(flooded.get("reason")).startsWith("flood guard"), flooded.toString());

        WorkflowClient temporal = TestInfra.temporal().client();
        WorkflowStub.fromTyped(temporal.newWorkflowStub(JudgeAgentWorkflow.class, DurableNames.JudgeAgent.id(McpTestServer.QUEUE)))
                .terminate("restart");
        Map<String, Object> afterRestart = call("trigger_performance_evaluation", Map.of("force", true));
        assertEquals(Boolean.FALSE, afterRestart.get("triggered"), "a fresh run resumes today's count: " + afterRestart);
        assertEquals(3, ((Number) afterRestart.get("evaluations_today")).intValue());
        Map<String, Object> listed = call("get_judge_evaluations", Map.of("limit", 10));
        assertEquals(3, ((Number) listed.get("count")).intValue());
        Map<String, Object> trend = (Map<String, Object>) listed.get("trend");
        assertEquals("declining", trend.get("trend"), trend.toString());
        // a stored evaluation with actions, a review and figures is what its record's schema says
        for (Map<String, Object> e : (List<Map<String, Object>>) listed.get("evaluations")) {
            var check = io.modelcontextprotocol.json.McpJsonDefaults.getSchemaValidator()
                    .validate(io.tradingstack.bus.PlainSchema.of(JudgeEvaluation.class), e);
            assertTrue(check.valid(), check.errorMessage() + " in " + e);
        }

        // "until two winning days": two days of gains after the day it was made end it (the judge counts them)
        sample(WIN_1, "2");
        sample(WIN_2, "3");
        Clock later = Clock.fixed(WIN_2.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        List<JudgeAction> ended = new JudgeActivitiesImpl(node.ctx, later).settleAdjustments();
        assertEquals(List.of("adjustment_ended"), ended.stream().map(JudgeAction::kind).toList(), ended.toString());
        assertEquals(1, ((Number) call("get_risk_adjustments", Map.of("limit", 10)).get("global_multiplier")).intValue());
    }

    /** The n-th evaluation of this judge, once stored. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> evaluation(int seq) {
        return Eventually.eventuallyGet(Duration.ofSeconds(60), "evaluation " + seq, () -> {
            List<Map<String, Object>> all = (List<Map<String, Object>>) call("get_judge_evaluations", Map.of("limit", 10))
                    .get("evaluations");
            return all.stream().filter(e -> String.valueOf(e.get("id")).startsWith(DurableNames.JudgeAgent.id(McpTestServer.QUEUE) + ":")
                    && ((Number) e.get("seq")).intValue() == seq).findFirst().orElse(null);
        }, e -> e != null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> kinds(Map<String, Object> evaluation) {
        return ((List<Map<String, Object>>) evaluation.get("actions")).stream().map(a -> String.valueOf(a.get("kind"))).toList();
    }

    private static void sample(Instant at, String equity) {
        sql("INSERT INTO equity_samples (sampled_at, equity, cash, reserve, exposure) VALUES ($1, $2, $2, 0, 0)",
                Tuple.of(utc(at), new BigDecimal(equity)));
    }

    private static void sql(String statement, Tuple args) {
        try {
            node.ctx.pool().preparedQuery(statement).execute(args).await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Map<String, Object> call(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(r.isError()), tool + " -> " + r.structuredContent());
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) r.structuredContent();
        return out;
    }

    private static String isError(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertTrue(Boolean.TRUE.equals(r.isError()), tool + " should fail: " + r.structuredContent());
        return String.valueOf(r.structuredContent());
    }
}
