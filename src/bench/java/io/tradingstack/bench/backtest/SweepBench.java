package io.tradingstack.bench.backtest;

import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.backtest.sweep.GridFile;
import io.tradingstack.backtest.sweep.SweepCommand;
import io.tradingstack.backtest.sweep.SweepRequest;
import io.tradingstack.backtest.sweep.SweepResult;
import io.tradingstack.backtest.sweep.SweepStoreActivities;
import io.tradingstack.backtest.sweep.SweepWorkerNode;
import io.tradingstack.backtest.sweep.SweepWorkflow;
import io.tradingstack.backtest.sweep.SweepWorkflowImpl;
import io.tradingstack.bench.BenchResults;
import io.tradingstack.runtime.TemporalRuntime;
import io.tradingstack.testing.MarketData;
import io.tradingstack.testing.Processes;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sweep throughput, runs per second: in one process (the CLI's pool), through Temporal on one
 * worker node, and on two (this JVM and a child JVM polling the same runs queue on loopback). Each
 * measured sweep follows a warm-up sweep on the same nodes. The store activity is a no-op here (the
 * figure is the runs', not PostgreSQL's). Args: {@code [sets=48 as 4x4x3] [slots per node=cores]}.
 */
public final class SweepBench {
    private SweepBench() {
    }

    public static void main(String[] args) throws Exception {
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        String data = MarketData.file("Coinbase_BTCUSD_1h.csv").toString();
        SweepRequest request = SweepRequest.of(GridFile.parse("{\"data\": \"" + data + "\", \"parameters\": {"
                + "\"rsi_max\": [55, 62, 69, 76], \"atr_mult\": [1, 1.5, 2, 3], \"max_position_risk_pct\": [0.5, 1, 2]}}"), null);
        SweepRequest warmUp = new SweepRequest(request.base(), request.sets().subList(0, 8), request.metric(), null, 1);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("data", "Coinbase_BTCUSD_1h.csv: 28,960 hourly bars per run, strategy ema-rsi-atr");
        figures.put("sets", request.sets().size());
        figures.put("slots_per_node", slots);
        figures.put("load_average_at_start", load());
        SweepCommand.run(warmUp, slots);
        figures.put("one_process_runs_per_s", rate(request.sets().size(), () -> SweepCommand.run(request, slots)));
        int port = TestInfra.freePort();
        String queue = "sweep-bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
             TemporalRuntime temporal = TemporalRuntime.start("127.0.0.1:" + port, "default")) {
            WorkerFactory factory = WorkerFactory.newInstance(temporal.client());
            Worker main = factory.newWorker(queue);
            main.registerWorkflowImplementationTypes(SweepWorkflowImpl.class);
            main.registerActivitiesImplementations((SweepStoreActivities) (id, r, p) -> { });
            WorkflowRegistry.registerSweepRuns(factory, queue, slots);
            factory.start();
            sweep(temporal, queue, warmUp);
            figures.put("one_node_runs_per_s", rate(request.sets().size(), () -> sweep(temporal, queue, request)));
            try (Processes.Proc other = Processes.java(SweepWorkerNode.class, "127.0.0.1:" + port, queue, String.valueOf(slots))) {
                if (!other.awaitLine("SWEEP-NODE-READY", Duration.ofSeconds(60))) {
                    throw new IllegalStateException("the second node did not start:\n" + other.output());
                }
                sweep(temporal, queue, warmUp);
                SweepResult[] last = new SweepResult[1];
                figures.put("two_nodes_runs_per_s", rate(request.sets().size(), () -> last[0] = sweep(temporal, queue, request)));
                figures.put("two_nodes_runs_by_worker", last[0].runsByWorker());
            } finally {
                factory.shutdownNow();
            }
        }
        figures.put("load_average_at_end", load());
        BenchResults.write("backtest-sweep", figures);
        System.out.println(figures);
        System.exit(0);
    }

    private static SweepResult sweep(TemporalRuntime temporal, String queue, SweepRequest request) {
        return temporal.client().newWorkflowStub(SweepWorkflow.class, WorkflowOptions.newBuilder().setTaskQueue(queue)
                .setWorkflowId("sweep-bench-" + UUID.randomUUID()).build()).run(request);
    }

    private static double rate(int runs, Runnable sweep) {
        long t0 = System.nanoTime();
        sweep.run();
        return Math.round(runs / ((System.nanoTime() - t0) / 1e9) * 100) / 100.0;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
