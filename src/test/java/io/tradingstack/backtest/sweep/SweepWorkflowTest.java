package io.tradingstack.backtest.sweep;

import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.testing.Bundled;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walk-forward through the workflow on the bundled candles: both phases, the stored state, a coded failure, replay. */
class SweepWorkflowTest {
    private static Vertx vertx;
    private static WorkerFactory factory;
    private static String queue;
    private static String data;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        vertx.deployVerticle(new SweepStoreVerticle(TestInfra.context(vertx, Map.of()))).await(30, TimeUnit.SECONDS);
        queue = TestInfra.uniqueQueue("sweep-wf");
        factory = WorkerFactory.newInstance(TestInfra.temporal().client());
        io.temporal.worker.Worker w = factory.newWorker(queue);
        w.registerWorkflowImplementationTypes(SweepWorkflowImpl.class);
        w.registerActivitiesImplementations(new SweepStoreActivitiesImpl(vertx));
        WorkflowRegistry.registerSweepRuns(factory, queue, 2);
        factory.start();
        data = Bundled.csv("BTC-USD", TestInfra.newDir("sweep-wf-data")).toString();
    }

    @AfterAll
    static void stop() throws Exception {
        factory.shutdownNow();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static SweepRequest request(String walkForward) {
        return SweepRequest.of(GridFile.parse("{\"data\": \"" + data + "\", \"timeframe\": \"15m\", \"metric\": \"total_return\","
                + " \"parameters\": {\"rsi_max\": [60, 70], \"atr_mult\": [1.5, 3]}, \"batch_size\": 2}"),
                WalkForward.parse(walkForward));
    }

    @Test
    void walkForwardRunsBothPhasesAsActivitiesAndReplays() throws Exception {
        WorkflowClient client = TestInfra.temporal().client();
        String id = "sweep-wf-" + queue;
        SweepRequest request = request("train=2d,test=1d,step=1d");
        SweepResult r = client.newWorkflowStub(SweepWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(queue)
                .setWorkflowId(id).build()).run(request);
        assertEquals(2, r.windows().size(), "four days: windows at day 0 and day 1");
        assertEquals(4 * 2 + 2, r.runs(), "four sets on two training spans, the best of each on its test span");
        SweepResult local = SweepCommand.run(request, 2);
        assertEquals(SweepClusterTest.table(local), SweepClusterTest.table(r));
        assertEquals(local.outOfSampleReturn(), r.outOfSampleReturn());
        assertEquals(local.windows().stream().map(WindowResult::chosen).toList(), r.windows().stream().map(WindowResult::chosen).toList());
        SweepProgress p = client.newWorkflowStub(SweepWorkflow.class, id).progress();
        assertEquals(SweepProgress.DONE, p.state());
        assertEquals(10, p.runsDone());
        assertEquals(10, p.runsTotal());

        WorkflowExecutionHistory history = client.fetchHistory(id);
        WorkflowReplayer.replayWorkflowExecution(history, SweepWorkflowImpl.class);
        if (System.getProperty("record.histories") != null) {
            Files.writeString(Path.of("src/test/resources/histories/sweep-walk-forward.json"), history.toJson(true));
        }
    }

    @Test
    void windowsThatDoNotFitFailWithTheirCodeRunNothingAndAreStored() throws Exception {
        WorkflowClient client = TestInfra.temporal().client();
        String id = "sweep-wf-nowindow-" + queue;
        WorkflowFailedException e = assertThrows(WorkflowFailedException.class, () -> client.newWorkflowStub(SweepWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(id).build()).run(request("train=4d,test=1d")));
        assertEquals(ErrorCode.SWEEP_NO_WINDOW, ErrorCode.of(e));
        SweepProgress p = client.newWorkflowStub(SweepWorkflow.class, id).progress();
        assertEquals(0, p.runsTotal(), "no run was scheduled");
        SweepProgress stored = SweepStore.read(new BusBridge(vertx).request(Addresses.SWEEP_LOAD, new SweepMessages.Load(id),
                SweepMessages.Loaded.class).progressJson(), SweepProgress.class);
        assertEquals(SweepProgress.FAILED, stored.state());
        assertEquals(ErrorCode.SWEEP_NO_WINDOW.name(), stored.errorCode());
        assertTrue(stored.error().contains("needs more data"), stored.error());
    }
}
