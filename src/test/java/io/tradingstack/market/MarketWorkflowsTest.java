package io.tradingstack.market;

import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both market workflows on the embedded Temporal service, their activities talking to a real feed over the bus. */
class MarketWorkflowsTest {
    private Vertx vertx;
    private MarketFeedVerticle feed;
    private WorkerFactory worker;
    private String queue;
    private WorkflowClient client;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        io.tradingstack.testing.StateStore.deploy(vertx);
        ReplayHarness h = ReplayHarness.start(vertx, 20, Map.of());
        feed = new MarketFeedVerticle(h.ctx);
        vertx.deployVerticle(feed).await(10, TimeUnit.SECONDS);
        queue = TestInfra.uniqueQueue("market");
        worker = TestInfra.worker(queue, w -> {
            w.registerWorkflowImplementationTypes(MarketStreamWorkflowImpl.class, HistoricalDataLoaderWorkflowImpl.class);
            w.registerActivitiesImplementations(new MarketActivitiesImpl(vertx));
        });
        client = TestInfra.temporal().client();
    }

    @AfterEach
    void stop() throws Exception {
        worker.shutdownNow();
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    private WorkflowOptions options(String id) {
        return WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(id).build();
    }

    @Test
    void streamWorkflowSetsSymbolsReportsStatsContinuesAsNewStopsAndRemembersTheStop() throws Exception {
        String id = DurableNames.MarketStream.ID + "-" + UUID.randomUUID();
        MarketStreamWorkflow wf = client.newWorkflowStub(MarketStreamWorkflow.class, options(id));
        WorkflowClient.start(wf::run, new MarketStreamState(List.of("BTC-USD", "ETH-USD"), Map.of(), 1, 3, 0));
        Eventually.eventually(Duration.ofSeconds(20), "wf.stats().getOrDefault(\"ticks\", 0L) > 0", () -> wf.stats().getOrDefault("ticks", 0L) > 0);
        wf.setSymbols(List.of("ETH-USD"));
        Eventually.eventually(Duration.ofSeconds(20), "wf.symbols().equals(List.of(\"ETH-USD\"))", () -> wf.symbols().equals(List.of("ETH-USD")));
        assertEquals(List.of("ETH-USD"), feedSymbols());
        Eventually.eventually(Duration.ofSeconds(20), "wf.generation() >= 1", () -> wf.generation() >= 1);
        assertEquals(List.of("ETH-USD"), wf.symbols(), "symbols survive continue-as-new");
        wf.stop();
        Eventually.eventually(Duration.ofSeconds(20), "wf.symbols().isEmpty()", () -> wf.symbols().isEmpty());
        assertTrue(feedSymbols().isEmpty(), "stop unsubscribes everything");
        WorkflowExecutionHistory history = client.fetchHistory(id);
        WorkflowReplayer.replayWorkflowExecution(history, MarketStreamWorkflowImpl.class);
        assertTrue(history.getEvents().size() < 200, "ticks never enter the history");
        // the stop is stored: a fresh run of the stream (as after a restart) stays stopped
        WorkflowStub.fromTyped(wf).terminate("restart");
        MarketStreamWorkflow again = client.newWorkflowStub(MarketStreamWorkflow.class, options(id));
        vertx.eventBus().request(io.tradingstack.bus.Addresses.MARKET_SET_SYMBOLS, new SetSymbols(List.of("BTC-USD")))
                .await(5, TimeUnit.SECONDS);
        WorkflowClient.start(again::run, (MarketStreamState) null);
        Eventually.eventually(Duration.ofSeconds(20), "feedSymbols().isEmpty()", () -> feedSymbols().isEmpty());
        assertEquals(List.of(), again.symbols());
        if (System.getProperty("record.histories") != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/histories/market-stream.json"),
                    history.toJson(true));
        }
        WorkflowStub.fromTyped(again).terminate("test done");
    }

    private List<String> feedSymbols() throws Exception {
        return vertx.eventBus().<io.vertx.core.json.JsonObject>request(io.tradingstack.bus.Addresses.MARKET_STATS, "")
                .await(5, TimeUnit.SECONDS).body().getJsonArray("symbols").stream().map(String::valueOf).toList();
    }

    @Test
    void historicalLoaderReportsQualityAndReusesTheCache() throws Exception {
        String end = java.time.Instant.now().minusSeconds(3600).toString();
        HistoricalLoadRequest req = new HistoricalLoadRequest(List.of("BTC-USD", "ETH-USD"), 60, 600, end);
        HistoricalDataLoaderWorkflow first = client.newWorkflowStub(HistoricalDataLoaderWorkflow.class, options("load-" + UUID.randomUUID()));
        List<DataQualityReport> reports = first.load(req);
        assertEquals(2, reports.size());
        for (DataQualityReport r : reports) {
            assertTrue(r.expectedBars() == 600 || r.expectedBars() == 601, r.toString());
            assertEquals(r.expectedBars(), r.bars(), r.toString());
            assertEquals(0, r.gaps());
            assertEquals(0, r.zeroVolumeBars());
            assertEquals((r.expectedBars() + 299) / 300, r.requests(), "pages of at most 300 bars");
        }
        HistoricalDataLoaderWorkflow again = client.newWorkflowStub(HistoricalDataLoaderWorkflow.class, options("load-" + UUID.randomUUID()));
        List<DataQualityReport> cached = again.load(req);
        assertEquals(0, cached.get(0).requests(), "second load served from DATA_DIR/market-cache");
        assertEquals(reports.get(0).bars(), cached.get(0).cachedBars());
    }
}
