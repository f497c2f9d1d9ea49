package io.tradingstack.backtest;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestWorkflowTest {
    static final String DATA = io.tradingstack.testing.MarketData.file("Coinbase_BTCUSD_1h.csv").toString();

    @Test
    void runsInTemporalAndAnswersTheProgressQuery() throws Exception {
        String queue = TestInfra.uniqueQueue("backtest");
        WorkflowClient client = TestInfra.temporal().client();
        WorkerFactory factory = TestInfra.worker(queue, w -> {
            w.registerWorkflowImplementationTypes(BacktestWorkflowImpl.class);
            w.registerActivitiesImplementations(new BacktestActivitiesImpl(() -> client, new io.tradingstack.runtime.StateBridge(io.tradingstack.testing.StateStore.vertx())));
        });
        try {
            Path out = TestInfra.newDir("backtest-wf");
            BacktestWorkflow wf = client.newWorkflowStub(BacktestWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId("bt-" + queue).build());
            BacktestRequest request = new BacktestRequest(List.of(DATA), null, null, null, null, null, null,
                    Map.of("max_trades_per_day", "2"), null, null, null, null, null, out.toString());
            BacktestSummary summary = wf.run(request);
            assertEquals(28_960, summary.bars());
            assertTrue(Files.exists(Path.of(summary.reportHtml())));
            BacktestProgress p = client.newWorkflowStub(BacktestWorkflow.class, "bt-" + queue).progress();
            assertEquals("DONE", p.state());
            assertEquals(1.0, p.fraction());
            assertEquals(summary, p.summary());
            BacktestRun stored = new io.tradingstack.runtime.StateBridge(io.tradingstack.testing.StateStore.vertx())
                    .load("bt-" + queue, BacktestRun.class);
            assertEquals(BacktestRun.DONE, stored.status(), "the finished run is stored for after a restart");
            assertEquals(summary.bars(), stored.summary().bars());
            assertEquals(0, summary.finalEquity().compareTo(stored.summary().finalEquity()));
            assertEquals(summary.reportJson(), stored.summary().reportJson());
            WorkflowExecutionHistory history = client.fetchHistory("bt-" + queue);
            WorkflowReplayer.replayWorkflowExecution(history, BacktestWorkflowImpl.class);
            if (System.getProperty("record.histories") != null) {
                Files.writeString(Path.of("src/test/resources/histories/backtest-run.json"), history.toJson(true));
            }
        } finally {
            factory.shutdownNow();
        }
    }

    /** Determinism guard: a history recorded from a real run replays against the current code. */
    @Test
    void committedHistoryReplays() throws Exception {
        try (java.io.InputStream in = getClass().getResourceAsStream("/histories/backtest-run.json")) {
            WorkflowReplayer.replayWorkflowExecution(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    BacktestWorkflowImpl.class);
        }
    }

    @Test
    void badDataFailsWithoutRetriesAndTheQueryTellsWhy() {
        String queue = TestInfra.uniqueQueue("backtest");
        WorkflowClient client = TestInfra.temporal().client();
        WorkerFactory factory = TestInfra.worker(queue, w -> {
            w.registerWorkflowImplementationTypes(BacktestWorkflowImpl.class);
            w.registerActivitiesImplementations(new BacktestActivitiesImpl(() -> client, new io.tradingstack.runtime.StateBridge(io.tradingstack.testing.StateStore.vertx())));
        });
        try {
            BacktestWorkflow wf = client.newWorkflowStub(BacktestWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId("bt-bad-" + queue).build());
            BacktestRequest request = new BacktestRequest(
                    List.of(io.tradingstack.testing.MarketData.file("coinbase_rest_BTC-USD_trades_2016-05-12.json").toString()), null, null, null,
                    null, null, null, null, null, null, null, null, null, TestInfra.newDir("bt-bad").toString());
            assertThrows(WorkflowFailedException.class, () -> wf.run(request));
            BacktestProgress p = client.newWorkflowStub(BacktestWorkflow.class, "bt-bad-" + queue).progress();
            assertEquals("FAILED", p.state());
            assertTrue(p.error().contains("not a candle array"), p.error());
            BacktestRun stored = new io.tradingstack.runtime.StateBridge(io.tradingstack.testing.StateStore.vertx())
                    .load("bt-bad-" + queue, BacktestRun.class);
            assertEquals(BacktestRun.FAILED, stored.status());
            assertEquals(ErrorCode.BACKTEST_BAD_DATA, stored.errorCode());
        } finally {
            factory.shutdownNow();
        }
    }
}
