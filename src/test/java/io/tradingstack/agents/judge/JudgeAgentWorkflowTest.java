package io.tradingstack.agents.judge;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmActivitiesImpl;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.llm.LlmVerticle;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.risk.RiskAdjustment;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The judge's workflow on the embedded Temporal with the model behind openai-java on the local
 * OpenAI-compatible server (its effects are an in-memory stand-in): the model's review versions the
 * prompt and its phrased adjustment is clamped and stored while a phrase that would stop trading is
 * refused with its code; the next evaluation of the new version scores worse and rolls it back; an
 * unforced request inside the cooldown is skipped and counted. The history, model answers included,
 * replays, and so does the committed one.
 */
class JudgeAgentWorkflowTest {
    private static final String QUEUE = TestInfra.uniqueQueue("judge");
    private static final String KEY = "sk-local-judge-" + UUID.randomUUID();
    private static final String HISTORY = "src/test/resources/histories/judge-agent.json";
    private static final String REVIEW = """
            {"findings": ["drawdown 40.0/100: too deep"], "recommendations": ["Size entries smaller."],
             "prompt_change": {"proposed": true, "rationale": "drawdown", "instructions": ["Size every entry at half the usual risk."]},
             "risk_adjustments": [{"phrase": "cut risk by 25% until two winning days", "reason": "drawdown"},
                                  {"phrase": "stop all trading", "reason": "panic"}]}""";
    private static final String QUIET = """
            {"findings": [], "recommendations": [], "prompt_change": {"proposed": false, "rationale": "", "instructions": []},
             "risk_adjustments": []}""";
    private static LocalOpenAiServer model;
    private static Vertx vertx;
    private static WorkerFactory worker;
    private static final Effects EFFECTS = new Effects();

    /** The judge's effects in memory: canned inputs, the calls it made. */
    static final class Effects implements JudgeActivities {
        volatile JudgeInputs inputs;
        final List<JudgeRequests.PromptRequest> prompts = new CopyOnWriteArrayList<>();
        final List<JudgeRequests.AdjustRequest> adjustments = new CopyOnWriteArrayList<>();
        final List<JudgeMessages.Store> stored = new CopyOnWriteArrayList<>();

        @Override
        public JudgeMemory restore(String judgeId) {
            return JudgeMemory.FRESH;
        }

        @Override
        public JudgeInputs gather(int windowDays) {
            return inputs;
        }

        @Override
        public List<JudgeAction> settleAdjustments() {
            return List.of();
        }

        @Override
        public JudgeAction changePrompt(JudgeRequests.PromptRequest request) {
            prompts.add(request);
            return new JudgeAction(request.plan().kind() == PromptPlan.Kind.ROLLBACK ? "prompt_rollback" : "prompt_version",
                    request.plan().reason(), request.plan().version(), null, null);
        }

        @Override
        public List<JudgeAction> adjust(JudgeRequests.AdjustRequest request) {
            adjustments.add(request);
            return List.of(JudgeAction.of("adjustment", request.adjustments().get(0).reason()));
        }

        @Override
        public void record(JudgeMessages.Store store) {
            stored.add(store);
        }
    }

    private static JudgeInputs inputs(int version, String start, String end, String drawdown) {
        return new JudgeInputs(new JudgeFigures(7, new BigDecimal(start), new BigDecimal(end), new BigDecimal(drawdown),
                List.of(), 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0), version, "You trade BTC-USD.", List.of());
    }

    @BeforeAll
    static void start() throws Exception {
        model = LocalOpenAiServer.start();
        vertx = Vertx.vertx();
        AppContext ctx = TestInfra.context(vertx, Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", KEY,
                "OPENAI_BASE_URL", model.baseUrl(), "OPENAI_MODEL", "local-model", "LLM_MAX_RETRIES", "0"));
        vertx.deployVerticle(new LlmVerticle(ctx)).await(60, TimeUnit.SECONDS);
        worker = TestInfra.worker(QUEUE, w -> {
            w.registerWorkflowImplementationTypes(JudgeAgentWorkflowImpl.class);
            w.registerActivitiesImplementations(EFFECTS, new LlmActivitiesImpl(ctx));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        worker.shutdownNow();
        vertx.close().await(10, TimeUnit.SECONDS);
        model.close();
    }

    @Test
    void theModelsReviewVersionsThePromptAWorseScoreRollsBackAndTheCooldownSkips() throws Exception {
        WorkflowClient client = TestInfra.temporal().client();
        String id = "judge-test-" + UUID.randomUUID();
        JudgeAgentWorkflow judge = client.newWorkflowStub(JudgeAgentWorkflow.class, io.temporal.client.WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(QUEUE).build());
        WorkflowClient.start(judge::run, new JudgeRun(JudgeSettings.defaults(), null, null));

        EFFECTS.inputs = inputs(1, "1000", "1000", "0.06");
        model.enqueue(ScriptedReply.text(REVIEW));
        assertTrue(judge.trigger(new JudgeRequests.Trigger(0, true)).triggered());
        Eventually.eventually(Duration.ofSeconds(30), "the first evaluation", () -> EFFECTS.stored.size() == 1);
        JudgeEvaluation first = EFFECTS.stored.get(0).evaluation();
        assertEquals(JudgeScore.round((0.25 * 50 + 0.20 * 40) / 0.45), first.score());
        assertEquals("openai", first.review().source());
        PromptPlan plan = EFFECTS.prompts.get(0).plan();
        assertEquals(PromptPlan.Kind.NEW_VERSION, plan.kind());
        assertEquals("You trade BTC-USD.\n\n## Judge guidance\n- Size every entry at half the usual risk.", plan.text());
        RiskAdjustment cut = EFFECTS.adjustments.get(0).adjustments().get(0);
        assertEquals(0, new BigDecimal("0.75").compareTo(cut.multiplier()));
        assertEquals(2, cut.untilWinningDays());
        assertEquals(1, EFFECTS.adjustments.get(0).adjustments().size(), "the phrase that stops trading is not applied");
        assertTrue(first.actions().stream().anyMatch(a -> "adjustment_refused".equals(a.kind())
                && ErrorCode.JUDGE_ADJUSTMENT_REFUSED.name().equals(a.code())), first.actions().toString());
        assertEquals(new JudgeMemory.Probation(1, first.score(), 1), EFFECTS.stored.get(0).memory().probation());

        EFFECTS.inputs = inputs(2, "1000", "950", "0.08");
        model.enqueue(ScriptedReply.text(QUIET));
        assertTrue(judge.trigger(new JudgeRequests.Trigger(3, true)).triggered());
        Eventually.eventually(Duration.ofSeconds(30), "the second evaluation", () -> EFFECTS.stored.size() == 2);
        JudgeEvaluation second = EFFECTS.stored.get(1).evaluation();
        assertEquals(3, second.windowDays());
        assertTrue(second.score() <= first.score() - 5, first.score() + " then " + second.score());
        PromptPlan rollback = EFFECTS.prompts.get(1).plan();
        assertEquals(PromptPlan.Kind.ROLLBACK, rollback.kind());
        assertEquals(1, rollback.version());
        assertNull(EFFECTS.stored.get(1).memory().probation(), "measured: no version on probation");

        JudgeRequests.TriggerAnswer skipped = judge.trigger(new JudgeRequests.Trigger(0, false));
        assertFalse(skipped.triggered());
        assertTrue(skipped.reason().startsWith("cooldown"), skipped.reason());
        assertEquals(1, skipped.skippedToday());
        assertEquals(2, judge.state().memory().evaluatedToday());

        WorkflowExecutionHistory history = client.fetchHistory(id);
        WorkflowStub.fromTyped(judge).terminate("test done");
        warmUp();
        WorkflowReplayer.replayWorkflowExecution(history, JudgeAgentWorkflowImpl.class);
        if (Boolean.getBoolean("record.histories")) {
            Files.writeString(Path.of(HISTORY), history.toJson(true));
        }
    }

    /** Past {@link JudgeAgentWorkflowImpl#EVALUATIONS_PER_RUN} evaluations the run continues as new with its memory. */
    @Test
    void continuesAsNewWithItsMemory() {
        String queue = TestInfra.uniqueQueue("judge-can");
        Effects effects = new Effects();
        effects.inputs = inputs(1, "1000", "1000", "0");
        LlmActivities unavailable = request -> new LlmResult("none", ErrorCode.LLM_UNAVAILABLE, "no model in this test", null, null,
                "offline", "none", null, null, 0, 0, false, false);
        WorkerFactory own = TestInfra.worker(queue, w -> {
            w.registerWorkflowImplementationTypes(JudgeAgentWorkflowImpl.class);
            w.registerActivitiesImplementations(effects, unavailable);
        });
        try {
            WorkflowClient client = TestInfra.temporal().client();
            String id = "judge-can-" + UUID.randomUUID();
            JudgeSettings settings = JudgeSettings.defaults().withLimits(1440, 1, 1000);
            JudgeAgentWorkflow judge = client.newWorkflowStub(JudgeAgentWorkflow.class, io.temporal.client.WorkflowOptions
                    .newBuilder().setWorkflowId(id).setTaskQueue(queue).build());
            String firstRun = WorkflowClient.start(judge::run, new JudgeRun(settings, null, null)).getRunId();
            int total = JudgeAgentWorkflowImpl.EVALUATIONS_PER_RUN + 1;
            for (int i = 1; i <= total; i++) {
                int n = i;
                JudgeAgentWorkflow current = client.newWorkflowStub(JudgeAgentWorkflow.class, id);
                Eventually.eventually(Duration.ofSeconds(30), "trigger " + n, () -> {
                    try {
                        return current.trigger(new JudgeRequests.Trigger(0, true)).triggered();
                    } catch (io.temporal.client.WorkflowNotFoundException continuedAsNew) {
                        return false;
                    }
                });
                Eventually.eventually(Duration.ofSeconds(30), "evaluation " + n, () -> effects.stored.size() == n);
            }
            assertEquals("rules (LLM_UNAVAILABLE)", effects.stored.get(0).evaluation().review().source(), "the rules stand in");
            String lastRun = client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
            assertFalse(firstRun.equals(lastRun), "continued as new");
            JudgeMemory memory = client.newWorkflowStub(JudgeAgentWorkflow.class, id).state().memory();
            assertEquals(total, memory.seq());
            assertEquals(total, memory.evaluatedToday(), "the day's count crossed the new run");
            assertEquals(id + ":" + total, effects.stored.get(total - 1).evaluation().id());
            client.newUntypedWorkflowStub(id).terminate("test done");
        } finally {
            own.shutdownNow();
        }
    }

    /**
     * Loads what the first workflow task needs (Jackson, the review schema's compilation) outside the
     * replayer: on a busy machine a cold first task can exceed Temporal's 1 s deadlock detector.
     */
    private static void warmUp() {
        JudgeInputs in = inputs(1, "1000", "990", "0.02");
        JudgeScore score = JudgeScore.of(in.figures(), ScoringRules.DEFAULT);
        JudgePrompt.request(score, JudgeSettings.defaults(), in);
        ReviewRules.derive(score, 50);
        RiskPhrase.parse("cut risk by 25% until two winning days");
    }

    @Test
    void committedHistoryReplays() throws Exception {
        String json = Files.readString(Path.of(HISTORY));
        assertTrue(json.contains("LlmChat"), "the history holds the model's answers");
        warmUp();
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), JudgeAgentWorkflowImpl.class);
    }
}
