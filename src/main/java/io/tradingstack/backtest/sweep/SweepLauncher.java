package io.tradingstack.backtest.sweep;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starting a sweep from an edge (MCP's run_sweep) on the bundled real candles: the backtest's checks
 * of pair, days, strategy and costs, then the grid's; the slice is written under
 * {@code DATA_DIR/backtesting/runs/<id>} (the check that the days have candles), and every worker
 * node cuts the same slice from its own jar, so no node needs another's files.
 * Nothing is written or started when a check fails.
 */
public final class SweepLauncher {
    /** What a client asks for; null means the default. */
    public record Args(BacktestLauncher.Args backtest, Map<String, List<BigDecimal>> parameters, String search, Long seed,
                       Integer samples, String metric, String walkForward, Integer batchSize) {
    }

    /** What was started, in the shape run_sweep answers. */
    public record Started(String workflowId, String runId, int sets, String metric, String walkForward) {
    }

    /** Starts a workflow of a type with one argument and completes with its run id (MCP's gateway). */
    @FunctionalInterface
    public interface Starter {
        Future<String> start(String workflowId, String workflowType, SweepRequest request);
    }

    private final AppConfig config;

    public SweepLauncher(AppConfig config) {
        this.config = config;
    }

    /**
     * Checks the grid (SWEEP_BAD_GRID), its size for a durable sweep included, so a bad one writes
     * nothing. The data are the bundled candles, which every node cuts from its own jar.
     */
    public static SweepGrid grid(Args a) {
        BacktestLauncher.Args b = a.backtest();
        SweepBase base = new SweepBase(List.of(), List.of(b.pair()), b.timeframe(), b.strategy(), b.initialCash(), b.feeBps(),
                b.slippageBps(), true, b.start(), b.end());
        SweepGrid grid = new SweepGrid(base, a.parameters(), a.search(), a.seed() == null ? 0L : a.seed(),
                a.samples() == null ? 0 : a.samples(), a.metric(), a.walkForward() == null ? null : WalkForward.parse(a.walkForward()),
                a.batchSize() == null ? 1 : a.batchSize());
        if (grid.size() > SweepWorkflowImpl.MAX_RUNS) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "the grid has " + grid.size()
                    + " sets; a sweep through the stack runs at most " + SweepWorkflowImpl.MAX_RUNS
                    + " (use search random with samples, or backtest sweep on the command line)");
        }
        return grid;
    }

    public Future<Started> launch(Vertx vertx, Args args, Starter starter) {
        String workflowId = DurableNames.Sweep.MCP_ID_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        Path runDir = BacktestLauncher.runsDir(config).resolve(workflowId);
        SweepRequest request = SweepRequest.of(grid(args), null);
        // The slice is written here as the check that the range has candles, and kept as the sweep's record.
        return vertx.executeBlocking(() -> BacktestLauncher.bundledSlice(args.backtest(), runDir), false)
                .map(file -> request)
                .compose(r -> starter.start(workflowId, DurableNames.Sweep.TYPE, r)
                        .map(runId -> new Started(workflowId, runId, r.sets().size(), r.metric(),
                                r.walkForward() == null ? null : r.walkForward().describe())));
    }
}
