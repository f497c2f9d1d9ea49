package io.tradingstack.backtest.sweep;

import io.tradingstack.app.Main;
import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.bus.Addresses;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.runtime.TemporalRuntime;
import io.tradingstack.testing.Console;
import io.tradingstack.testing.MarketData;
import io.tradingstack.testing.Processes;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance test of sweeps over a cluster: one Temporal service on a loopback port, two JVMs
 * polling its sweep runs queue (this one, which also hosts the workflow and the store, and a child
 * process), 24 parameter sets started by {@code backtest sweep --temporal} as a user would. Both nodes
 * run some of them, each run records who ran it, and the ranked table is the one a single process computes.
 */
class SweepClusterTest {
    static final String DATA = MarketData.file("Coinbase_BTCUSD_1h.csv").toString();

    static final String GRID = "{\"strategy\": \"ema-rsi-atr\", \"data\": \"" + DATA.replace("\\", "\\\\") + "\","
            + " \"parameters\": {\"rsi_max\": [55, 65, 75], \"atr_mult\": [1, 2],"
            + " \"max_position_risk_pct\": {\"from\": 0.5, \"to\": 2.0, \"step\": 0.5}}, \"metric\": \"sharpe\"}";

    static SweepGrid grid() {
        return GridFile.parse(GRID);
    }

    @Test
    void runsSpreadOverTwoWorkerNodesAndRankAsOneNodeDoes() throws Exception {
        int port = TestInfra.freePort();
        String queue = TestInfra.uniqueQueue("sweep");
        SweepRequest request = SweepRequest.of(grid(), null);
        assertEquals(24, request.sets().size());
        Vertx vertx = Vertx.vertx();
        try (TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
             TemporalRuntime temporal = TemporalRuntime.start("127.0.0.1:" + port, "default")) {
            vertx.deployVerticle(new SweepStoreVerticle(TestInfra.context(vertx, Map.of()))).await(30, TimeUnit.SECONDS);
            WorkerFactory local = WorkerFactory.newInstance(temporal.client());
            Worker main = local.newWorker(queue);
            main.registerWorkflowImplementationTypes(SweepWorkflowImpl.class);
            main.registerActivitiesImplementations(new SweepStoreActivitiesImpl(vertx));
            WorkflowRegistry.registerSweepRuns(local, queue, 2);
            try (Processes.Proc other = Processes.java(SweepWorkerNode.class, "127.0.0.1:" + port, queue, "2")) {
                assertTrue(other.awaitLine("SWEEP-NODE-READY", Duration.ofSeconds(60)), other.output());
                local.start();
                Path grid = Files.writeString(TestInfra.newDir("sweep-grid").resolve("grid.json"), GRID);
                Path out = TestInfra.newDir("sweep-out");
                Console.Captured cli = Console.capture(() -> Main.execute("backtest", "sweep", "--grid", grid.toString(),
                        "--temporal", "127.0.0.1:" + port, "--task-queue", queue, "--out", out.toString()));
                assertEquals(0, cli.code(), cli.out() + cli.err());
                String id = cli.out().lines().filter(l -> l.startsWith("Started ")).findFirst().orElseThrow().split(" ")[1];
                SweepResult result = SweepStore.read(Files.readString(out.resolve(SweepFiles.JSON)),
                        SweepCommandTest.SweepFileShape.class).result();

                String here = temporal.client().getOptions().getIdentity();
                String there = other.output().lines().filter(l -> l.startsWith("SWEEP-NODE-READY")).findFirst().orElseThrow()
                        .substring("SWEEP-NODE-READY ".length());
                assertEquals(24, result.runs());
                assertEquals(java.util.Set.of(here, there), result.runsByWorker().keySet(), "both nodes ran runs: " + result.runsByWorker());
                assertTrue(result.ranked().stream().allMatch(r -> r.worker().equals(here) || r.worker().equals(there)));

                SweepResult oneNode = SweepCommand.run(request, 2);
                assertEquals(table(oneNode), table(result), "the ranked table is the one-node table");

                SweepProgress stored = SweepStore.read(new BusBridge(vertx).request(Addresses.SWEEP_LOAD,
                        new SweepMessages.Load(id), SweepMessages.Loaded.class).progressJson(), SweepProgress.class);
                assertEquals(SweepProgress.DONE, stored.state());
                assertEquals(table(result), table(stored.result()), "the stored result answers after a restart");
                long workers = TestInfra.postgres().pool(vertx, 1).preparedQuery(
                                "SELECT count(DISTINCT worker) AS n FROM sweep_runs WHERE sweep_id = $1")
                        .execute(io.vertx.sqlclient.Tuple.of(id)).await(10, TimeUnit.SECONDS).iterator().next().getLong("n");
                assertEquals(2, workers, "each stored run names the node that ran it");
                WorkflowClient client = temporal.client();
                assertEquals(SweepProgress.DONE, client.newWorkflowStub(SweepWorkflow.class, id).progress().state());
            } finally {
                local.shutdownNow();
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** The ranked rows without who ran them or how long it took. */
    static List<String> table(SweepResult r) {
        return r.ranked().stream().map(x -> x.phase() + "|" + x.window() + "|" + x.index() + "|" + x.set().key() + "|"
                + x.metrics().entrySet().stream().map(e -> e.getKey() + "=" + plain(e.getValue())).sorted().toList()).toList();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "null" : v.toPlainString();
    }
}
