package io.tradingstack.strategy.store;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.features.FeatureEngine;
import io.tradingstack.llm.LlmActivitiesImpl;
import io.tradingstack.llm.LlmUsageReport;
import io.tradingstack.llm.LlmVerticle;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.RecordedRequest;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.plan.OfflinePlanner;
import io.tradingstack.strategy.plan.PlanRequest;
import io.tradingstack.strategy.plan.PlannerPrompt;
import io.tradingstack.strategy.plan.RiskProfile;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.testing.Bundled;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * plan_strategy inside the spec store workflow, on the real parts (embedded PostgreSQL and Temporal,
 * the llm verticle; openai-java against the local OpenAI-compatible server): the offline planner's
 * spec is stored and compiles; a model whose rules do not compile gets one repair round with the
 * codes, then the plan fails coded and nothing is stored; a repaired answer is stored as author llm.
 * The store's history, with the model's recorded answers, replays.
 */
class StrategyPlanTest {
    private static final List<String> TIMEFRAMES = List.of("1m", "5m", "15m", "1h");
    private final String queue = TestInfra.uniqueQueue("plan");
    private final String market = "P" + UUID.randomUUID().toString().replaceAll("[^A-Z0-9a-z]", "").substring(0, 6)
            .toUpperCase() + "-USD";
    private final WorkflowClient client = TestInfra.temporal().client();
    private Vertx vertx;
    private WorkerFactory worker;
    private LocalOpenAiServer model;
    private AppContext ctx;

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.shutdownNow();
        }
        if (model != null) {
            model.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private StrategySpecWorkflow deploy(Map<String, String> overrides) throws Exception {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>(overrides);
        config.put("TASK_QUEUE", queue);
        config.put("MARKET_SYMBOLS", market);
        config.put("FEATURES_TIMEFRAMES", String.join(",", TIMEFRAMES));
        ctx = TestInfra.context(vertx, config);
        io.tradingstack.bus.Codecs.registerAll(vertx);
        vertx.deployVerticle(new LlmVerticle(ctx)).await(60, TimeUnit.SECONDS);
        worker = TestInfra.worker(queue, w -> {
            w.registerWorkflowImplementationTypes(StrategySpecWorkflowImpl.class);
            w.registerActivitiesImplementations(new StrategySpecActivitiesImpl(vertx), new LlmActivitiesImpl(ctx));
        });
        vertx.deployVerticle(new StrategyStoreVerticle(ctx)).await(30, TimeUnit.SECONDS);
        return client.newWorkflowStub(StrategySpecWorkflow.class, DurableNames.StrategyStore.id(queue));
    }

    @Test
    void theOfflinePlannerStoresASpecThatCompiles() throws Exception {
        StrategySpecWorkflow store = deploy(Map.of());
        PlanRequest request = request(true);
        PlanOutcome planned = store.plan(request);
        assertTrue(planned.ok(), planned.message());
        StoredSpec stored = planned.stored();
        assertEquals("offline", planned.provider());
        assertEquals("planner", stored.author());
        assertTrue(stored.spec().allowAutoExecute(), "the tool's auto_execute is the spec's flag");
        assertEquals(1, stored.version());
        StrategySpecs.compile(stored.spec(), TIMEFRAMES);
        StrategySpec expected = OfflinePlanner.plan(market, "5m", request.vectors(), RiskProfile.MODERATE);
        assertEquals(expected.triggers(), stored.spec().triggers(), "the offline planner's rules, read from the request's vectors");
        assertEquals(stored.rowId(), store.get(market, "5m").rowId(), "the plan is the active spec");

        PlanOutcome again = store.plan(request);
        assertEquals(1, again.stored().version(), "the same plan again is the same stored spec");
        assertTrue(again.stored().duplicate());
        PlanRequest malformed = new PlanRequest(market, "7m", "moderate", "", false, TIMEFRAMES, request.vectors());
        org.junit.jupiter.api.Assertions.assertThrows(io.temporal.client.WorkflowUpdateException.class, () -> store.plan(malformed));
        assertEquals(2, store.events().size(), "a refused request is not accepted: no event, nothing in the history");
        replay(client.fetchHistory(DurableNames.StrategyStore.id(queue)), null);
    }

    @Test
    void rulesThatDoNotCompileGetOneRepairThenFailCodedAndStoreNothing() throws Exception {
        model = LocalOpenAiServer.start();
        StrategySpecWorkflow store = deploy(Map.of("OPENAI_API_KEY", "sk-local-test", "OPENAI_BASE_URL", model.baseUrl()));
        PlanRequest base = request(false);
        PlanRequest request = new PlanRequest(market, "5m", "moderate", base.notes(), false, TIMEFRAMES, base.vectors(),
                PlannerPrompt.SYSTEM + "\nPrefer few, clean trades.", "strategist-v2", List.of("no trades against the trend"));
        Map<String, Object> bad = answer(request, "rsi14 crosses_above 50");
        model.enqueue(ScriptedReply.json(bad), ScriptedReply.json(bad));
        PlanOutcome refused = store.plan(request);
        assertFalse(refused.ok());
        assertEquals(ErrorCode.STRATEGY_PLAN_INVALID, refused.code());
        assertEquals(ErrorCode.STRATEGY_UNKNOWN_IDENTIFIER, refused.errors().get(0).code(), refused.errors().toString());
        assertEquals(2, refused.llmCalls().size());
        assertTrue(refused.repaired());
        List<RecordedRequest> asked = model.requests();
        assertEquals(2, asked.size(), "one repair round, no more");
        assertTrue(asked.get(0).lastContent("system").contains("Prefer few, clean trades."), "the prompt in force was sent");
        assertTrue(asked.get(0).lastContent("user").contains("- no trades against the trend"), asked.get(0).lastContent("user"));
        String repair = asked.get(1).lastContent("user");
        assertTrue(repair.contains("STRATEGY_UNKNOWN_IDENTIFIER (9101)") && repair.contains("did you mean 'rsi_14'"), repair);
        assertEquals(0, rows(), "a failed plan stores nothing");

        model.enqueue(ScriptedReply.json(bad), ScriptedReply.json(answer(request, "rsi_14 crosses_above 50")));
        PlanOutcome repaired = store.plan(request);
        assertTrue(repaired.ok(), repaired.message());
        assertTrue(repaired.repaired());
        assertEquals("llm", repaired.stored().author());
        assertEquals("openai", repaired.provider());
        assertEquals(1, rows());

        WorkflowExecutionHistory history = client.fetchHistory(DurableNames.StrategyStore.id(queue));
        String results = history.getEvents().stream().filter(e -> e.hasActivityTaskCompletedEventAttributes())
                .flatMap(e -> e.getActivityTaskCompletedEventAttributes().getResult().getPayloadsList().stream())
                .map(p -> p.getData().toStringUtf8()).reduce("", String::concat);
        assertTrue(results.contains("rsi14 crosses_above 50"), "the model's answers are in the history");
        replay(history, "strategy-spec-plan.json");
        assertEquals(4, model.requests().size(), "the replay asked the model nothing");

        LlmUsageReport usage = vertx.eventBus().<LlmUsageReport>request(Addresses.LLM_USAGE, "usage").await(10, TimeUnit.SECONDS).body();
        LlmUsageReport.AgentUsage strategist = usage.agents().stream().filter(a -> a.agent().equals(PlannerPrompt.AGENT))
                .findFirst().orElseThrow(() -> new AssertionError("no strategist in " + usage));
        assertTrue(strategist.calls() >= 4, "the planner's calls count for its agent: " + strategist);
        assertTrue(strategist.costUsd().signum() > 0, "priced by the price table: " + strategist);
        JsonObject health = ctx.health().report(vertx).await(10, TimeUnit.SECONDS);
        assertTrue(health.encode().contains("\"agent\":\"strategist\""), "/health shows the planner's usage: " + health.encode());
    }

    /** A schema-valid answer (the offline plan) whose first entry rule is {@code rule}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> answer(PlanRequest request, String rule) {
        Map<String, Object> spec = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(OfflinePlanner.plan(market, "5m",
                request.vectors(), RiskProfile.MODERATE)), Map.class);
        spec.put("id", "llm-plan-" + market.toLowerCase());
        spec.put("author", "llm");
        List<Map<String, Object>> triggers = new ArrayList<>((List<Map<String, Object>>) spec.get("triggers"));
        Map<String, Object> first = new HashMap<>(triggers.get(0));
        first.put("entry_rule", rule);
        triggers.set(0, first);
        spec.put("triggers", triggers);
        return spec;
    }

    private PlanRequest request(boolean autoExecute) {
        List<FeatureVector> all = new ArrayList<>();
        FeatureEngine engine = new FeatureEngine("BTC-USD", "5m", 500, false);
        Bundled.rolled(Bundled.candles("BTC-USD"), 300).forEach(c -> all.add(engine.onCandle(c)));
        // fewer than a live plan's 40 (20 warm ones suffice) keeps the committed history small
        List<FeatureVector> recent = all.subList(all.size() - 24, all.size());
        return new PlanRequest(market, "5m", "moderate", "prefer fewer trades", autoExecute, TIMEFRAMES, recent);
    }

    private long rows() throws Exception {
        return TestInfra.postgres().pool(vertx, 1).preparedQuery("SELECT count(*) AS n FROM strategy_specs WHERE market = $1")
                .execute(io.vertx.sqlclient.Tuple.of(market)).await(10, TimeUnit.SECONDS).iterator().next().getLong("n");
    }

    /** Replays now; with -Drecord.histories=true also writes the committed history {@code file}. */
    private static void replay(WorkflowExecutionHistory history, String file) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(history, StrategySpecWorkflowImpl.class);
        if (file != null && Boolean.getBoolean("record.histories")) {
            Files.writeString(Path.of("src/test/resources/histories", file), history.toJson(true));
        }
    }
}
