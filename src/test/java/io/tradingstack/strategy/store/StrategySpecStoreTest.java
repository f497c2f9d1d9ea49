package io.tradingstack.strategy.store;

import io.tradingstack.backtest.BacktestActivitiesImpl;
import io.tradingstack.backtest.BacktestRequest;
import io.tradingstack.backtest.BacktestSummary;
import io.tradingstack.backtest.BacktestWorkflow;
import io.tradingstack.backtest.BacktestWorkflowImpl;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.strategy.DefaultSpecs;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.testing.Bundled;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec store end to end on the real parts (embedded PostgreSQL and Temporal, the bus): signals
 * version specs, bad ones are refused with their code and write nothing, a repeated save is
 * idempotent, and a restart (a new workflow run, a new verticle) rebuilds the same state from
 * PostgreSQL. The run's history replays on the current code.
 */
class StrategySpecStoreTest {
    private final String queue = TestInfra.uniqueQueue("specs");
    private final String m1 = market();
    private final String m2 = market();
    private Vertx vertx;
    private WorkerFactory worker;
    private WorkflowClient client;

    @BeforeEach
    void start() throws Exception {
        client = TestInfra.temporal().client();
        vertx = Vertx.vertx();
        deploy(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.shutdownNow();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void deploy(Vertx v) throws Exception {
        AppContext ctx = TestInfra.context(v, Map.of("TASK_QUEUE", queue, "MARKET_SYMBOLS", m1 + "," + m2));
        worker = TestInfra.worker(queue, w -> {
            w.registerWorkflowImplementationTypes(StrategySpecWorkflowImpl.class, BacktestWorkflowImpl.class);
            w.registerActivitiesImplementations(new StrategySpecActivitiesImpl(v), new BacktestActivitiesImpl(() -> client,
                    new io.tradingstack.runtime.StateBridge(v)));
        });
        io.tradingstack.bus.Codecs.registerAll(v);
        io.tradingstack.testing.StateStore.deploy(v);
        v.deployVerticle(new StrategyStoreVerticle(ctx)).await(30, TimeUnit.SECONDS);
    }

    private StrategySpecWorkflow store() {
        return client.newWorkflowStub(StrategySpecWorkflow.class, DurableNames.StrategyStore.id(queue));
    }

    @Test
    void versionsRefusalsDeletesAndARestartThatKeepsTheSpecs() throws Exception {
        StrategySpecWorkflow store = store();
        String v1 = spec(m1, "5m", "m1-trend", "rsi_14 crosses_above 50");
        String v2 = spec(m1, "5m", "m1-trend", "rsi_14 crosses_above 55");
        store.update(v1);
        awaitEvents(store, 1);
        assertEquals(1, store.get(m1, "5m").version());
        store.update(v2);
        store.update(v1);
        awaitEvents(store, 3);
        List<StoreEvent> events = store.events();
        assertEquals(2, events.get(1).version());
        assertEquals(1, events.get(2).version(), "the same spec again makes version 1 active, no version 3");
        assertEquals("already stored; made active", events.get(2).message());
        StoredSpec active = store.get(m1, "5m");
        assertEquals(1, active.version());
        assertTrue(active.spec().triggers().get(0).entryRule().contains("rsi_14 crosses_above 50"));

        long rowsBefore = rows(m1);
        store.update(v1.replace("rsi_14 crosses_above 50", "rsi14 crosses_above 50"));
        store.update(spec(m2, "1h", "m1-trend", "rsi_14 > 60"));
        store.update("{not json");
        awaitEvents(store, 6);
        events = store.events();
        assertEquals(9101, events.get(3).code(), events.get(3).toString());
        assertTrue(events.get(3).message().contains("did you mean 'rsi_14'"), events.get(3).message());
        assertEquals(9108, events.get(4).code(), "an id already used for another market");
        assertEquals(9106, events.get(5).code());
        assertFalse(events.get(5).ok());
        assertEquals(rowsBefore, rows(m1), "refused updates write nothing");
        assertEquals(0, rows(m2));

        store.update(spec(m2, "1h", "m2-range", "close < bb_lower"));
        awaitEvents(store, 7);
        assertEquals("m2-range", store.getById("m2-range").specId());
        assertEquals(m2 + ":1h", store.get(m2, null).key());
        // this test's markets only: the database is shared by the test JVM, and a stack node started by
        // another test class stores the shipped specs (BTC-USD, ETH-USD) in it
        assertEquals(java.util.Set.of(m1 + ":5m", m2 + ":1h"), java.util.Set.copyOf(store.list().stream()
                .filter(s -> s.market().equals(m1) || s.market().equals(m2)).map(s -> s.market() + ":" + s.timeframe()).toList()));

        store.delete(m1, "5m");
        awaitEvents(store, 8);
        assertNull(store.get(m1, "5m"));
        assertNull(store.getById("m1-trend"));
        assertEquals(2, rows(m1), "deleting keeps the versions");
        StoredSpec m2Spec = store.get(m2, "1h");

        WorkflowExecutionHistory history = client.fetchHistory(DurableNames.StrategyStore.id(queue));
        WorkflowStub.fromTyped(store).terminate("simulated restart: the embedded Temporal forgets everything");
        worker.shutdownNow();
        vertx.close().await(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        deploy(vertx);
        StrategySpecWorkflow again = store();
        Eventually.eventually("the new run reloaded " + m2, () -> again.get(m2, "1h") != null);
        StoredSpec reloaded = again.get(m2, "1h");
        assertEquals(m2Spec.version(), reloaded.version());
        assertEquals(m2Spec.rowId(), reloaded.rowId());
        assertEquals(m2Spec.spec(), reloaded.spec());
        assertNull(again.get(m1, "5m"), "a deleted spec stays deleted");

        WorkflowReplayer.replayWorkflowExecution(history, StrategySpecWorkflowImpl.class);
        Path out = Boolean.getBoolean("record.histories") ? Path.of("src/test/resources/histories/strategy-spec-store.json")
                : Path.of("target", "strategy-spec-store-history.json");
        Files.writeString(out, history.toJson(true));
    }

    @Test
    void aStoredSpecBacktestsByItsIdInsideTheStack() throws Exception {
        StrategySpecWorkflow store = store();
        String id = "byid-" + m1.substring(0, 7).toLowerCase();
        store.update(spec(m1, "5m", id, "rsi_14 crosses_above 50"));
        awaitEvents(store, 1);
        Path csv = Bundled.csv("BTC-USD", TestInfra.newDir("byid"));
        Path out = TestInfra.newDir("byid-out");
        BacktestSummary summary = backtest("spec-id:" + id, csv, out);
        assertEquals(1152, summary.bars(), "1m data resampled to the spec's 5m");
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertEquals("spec:" + id, report.get("strategy").asText());
        WorkflowFailedException missing = assertThrows(WorkflowFailedException.class,
                () -> backtest("spec-id:no-such-spec", csv, TestInfra.newDir("byid-missing")));
        assertTrue(String.valueOf(missing.getCause().getCause()).contains("STRATEGY_SPEC_NOT_FOUND"), String.valueOf(missing.getCause()));
    }

    private BacktestSummary backtest(String strategy, Path csv, Path out) {
        BacktestWorkflow wf = client.newWorkflowStub(BacktestWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(queue)
                .setWorkflowId("bt-" + java.util.UUID.randomUUID()).build());
        return wf.run(new BacktestRequest(List.of(csv.toString()), List.of(m1), null, null, null, strategy, null, null, null,
                null, null, null, null, out.toString()));
    }

    @Test
    void theShippedSpecIsStoredOnceForAConfiguredMarketWithoutOne() throws Exception {
        StrategySpecWorkflow store = store();
        Eventually.eventually("store running", () -> store.list() != null);
        // m1 and m2 have no shipped spec: nothing was seeded for them
        assertNull(store.get(m1, null));
        SpecRepository repo = new SpecRepository(TestInfra.postgres().pool(vertx, 2));
        var btc = DefaultSpecs.forMarket("BTC-USD");
        repo.seedIfAbsent(btc, java.time.Instant.now()).await(10, TimeUnit.SECONDS);
        assertFalse(repo.seedIfAbsent(btc, java.time.Instant.now()).await(10, TimeUnit.SECONDS), "seeding twice adds nothing");
        assertTrue(repo.active().await(10, TimeUnit.SECONDS).stream().anyMatch(s -> s.specId().equals(btc.id())));
    }

    private long rows(String market) throws Exception {
        return TestInfra.postgres().pool(vertx, 1).preparedQuery("SELECT count(*) AS n FROM strategy_specs WHERE market = $1")
                .execute(io.vertx.sqlclient.Tuple.of(market)).await(10, TimeUnit.SECONDS).iterator().next().getLong("n");
    }

    private static void awaitEvents(StrategySpecWorkflow store, int n) {
        Eventually.eventually(n + " store events", () -> store.events().size() >= n);
    }

    static String spec(String market, String timeframe, String id, String entry) {
        String json = StrategySpecs.toJson(DefaultSpecs.forMarket("BTC-USD"));
        return json.replace("\"BTC-USD\"", "\"" + market + "\"").replace("\"5m\"", "\"" + timeframe + "\"")
                .replace("btc-usd-5m-trend-rsi", id).replace("\"version\":1,", "")
                .replace("rsi_14 crosses_above 50", entry).replace("tf_15m_", "").replace("tf_15m_vol_state", "vol_state");
    }

    private static String market() {
        Random r = new Random();
        StringBuilder b = new StringBuilder("Q");
        for (int i = 0; i < 6; i++) {
            b.append((char) ('A' + r.nextInt(26)));
        }
        return b + "-USD";
    }
}
