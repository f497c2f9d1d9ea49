package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
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
 * {@code trading-stack backtest sweep}: runs a grid file's sets in this process on every core and
 * writes the ranked table. The same steps run spread over a cluster through MCP's run_sweep.
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
    @Option(names = "--threads", description = "runs at a time (default: the cores, ${DEFAULT-VALUE})", defaultValue = "0")
    int threads;
    @Option(names = "--top", description = "rows printed (default ${DEFAULT-VALUE})", defaultValue = "20")
    int top;
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
            SweepResult result = run(request, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
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
