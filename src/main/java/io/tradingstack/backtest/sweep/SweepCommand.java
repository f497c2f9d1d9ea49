package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.TemporalRuntime;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code trading-stack backtest sweep}: runs a grid file's sets in this process on every core, or
 * with {@code --temporal} as a SweepWorkflow of a running stack (its runs spread over every node),
 * and writes the ranked table.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a grid (or seeded random sample) of parameter sets; rank them; write DIR/sweep.csv and DIR/sweep.json.")
public final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--grid", required = true, description = "grid file (JSON, see configs/sweep.example.json)")
    Path grid;
    @Option(names = "--walk-forward", description = "rolling windows, e.g. train=30d,test=7d,step=7d (overrides the file's)")
    String walkForward;
    @Option(names = "--metric", description = "rank by this metric (overrides the file's): " + "total_return, annualized_return, "
            + "sharpe, sortino, max_drawdown, win_rate, profit_factor, trades, final_equity")
    String metric;
    @Option(names = "--threads", description = "runs at a time in this process (default: the cores)", defaultValue = "0")
    int threads;
    @Option(names = "--top", description = "rows printed (default ${DEFAULT-VALUE})", defaultValue = "20")
    int top;
    @Option(names = "--temporal", description = "run it as a SweepWorkflow on this Temporal frontend (host:port), "
            + "its runs spread over every stack node polling the task queue's runs queue; the data paths must be "
            + "readable on every node")
    String temporal;
    @Option(names = "--task-queue", description = "with --temporal: the stack's TASK_QUEUE (default ${DEFAULT-VALUE})",
            defaultValue = DurableNames.DEFAULT_TASK_QUEUE)
    String taskQueue;
    @Option(names = "--namespace", description = "with --temporal: the namespace (default ${DEFAULT-VALUE})", defaultValue = "default")
    String namespace;
    @Option(names = "--out", required = true, description = "output directory")
    Path out;

    @Override
    public Integer call() {
        try {
            SweepGrid g = GridFile.read(grid);
            if (metric != null) {
                Ranking.check(metric);
            }
            SweepRequest request = SweepRequest.of(g, walkForward == null ? null : WalkForward.parse(walkForward));
            request = metric == null ? request : new SweepRequest(request.base(), request.sets(), metric,
                    request.walkForward(), request.batchSize());
            long started = System.nanoTime();
            SweepResult result = temporal != null ? durable(request)
                    : run(request, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.print(SweepFiles.table(result, top));
            System.out.printf("%d runs in %.2f s (%.1f runs/s)%n", result.runs(), seconds, result.runs() / seconds);
            System.out.println("Wrote " + SweepFiles.write(request, result, out));
            return 0;
        } catch (CodedException e) {
            System.err.println("error " + e.code().code() + " " + e.code().name() + ": " + e.getMessage());
            return 2;
        }
    }

    /** The sweep as a workflow of a running stack: started, waited for, its result returned. */
    private SweepResult durable(SweepRequest request) {
        String id = DurableNames.Sweep.CLI_ID_PREFIX + java.util.UUID.randomUUID().toString().substring(0, 8);
        try (TemporalRuntime runtime = connect()) {
            System.out.println("Started " + id + " on " + temporal + " (task queue " + taskQueue + "), " + request.sets().size()
                    + " sets; waiting for it");
            return runtime.client().newWorkflowStub(SweepWorkflow.class, WorkflowOptions.newBuilder()
                    .setTaskQueue(taskQueue).setWorkflowId(id).build()).run(request);
        } catch (WorkflowFailedException e) {
            throw new CodedException(ErrorCode.of(e), "sweep " + id + " failed: " + reason(e));
        }
    }

    private TemporalRuntime connect() {
        try {
            return TemporalRuntime.start(temporal, namespace);
        } catch (RuntimeException e) {
            throw new CodedException(ErrorCode.TEMPORAL_UNAVAILABLE, "cannot reach Temporal at " + temporal + ": "
                    + e.getMessage());
        }
    }

    /** The innermost application failure's own message (the activity's or the workflow's coded error). */
    private static String reason(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ApplicationFailure f) {
                message = f.getOriginalMessage();
            }
        }
        return message;
    }

    /** The sweep in this process: the batches of each step on a pool of {@code threads}. */
    public static SweepResult run(SweepRequest request, int threads) {
        SweepRuns runs = new SweepRuns("local");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return SweepProcedure.run(request, () -> runs.span(request.base()), batches -> {
                List<Future<List<RunResult>>> pending = new ArrayList<>();
                batches.forEach(b -> pending.add(pool.submit(() -> runs.run(b))));
                List<List<RunResult>> done = new ArrayList<>();
                for (Future<List<RunResult>> f : pending) {
                    done.add(join(f));
                }
                return done;
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<RunResult> join(Future<List<RunResult>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CodedException(ErrorCode.INTERNAL, "interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
