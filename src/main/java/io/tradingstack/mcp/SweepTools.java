package io.tradingstack.mcp;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.backtest.sweep.Ranking;
import io.tradingstack.backtest.sweep.RunResult;
import io.tradingstack.backtest.sweep.SweepGrid;
import io.tradingstack.backtest.sweep.SweepLauncher;
import io.tradingstack.backtest.sweep.SweepMessages;
import io.tradingstack.backtest.sweep.SweepProgress;
import io.tradingstack.backtest.sweep.SweepResult;
import io.tradingstack.backtest.sweep.WindowResult;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.strategy.Strategies;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.vertx.core.Future;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * run_sweep starts a {@code SweepWorkflow} over the bundled candles and returns at once (its runs
 * spread over every worker node); get_sweep_result answers its progress while it runs and the
 * ranked table once done, from PostgreSQL after a restart. Tier read: simulations only.
 */
final class SweepTools {
    private static final int MAX_TOP = 200;
    private final ToolContext ctx;

    SweepTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        Map<String, Object> values = Schemas.array(Schemas.number("a value"), "the values to try");
        values.put("minItems", 1);
        values.put("maxItems", 1000);
        Map<String, Object> run = object(props(
                "pair", symbol("product with bundled candles, e.g. BTC-USD"),
                "timeframe", BacktestTools.pattern(string("bar length (default 1h)"), BacktestLauncher.TIMEFRAME),
                "start", BacktestTools.pattern(string("first day, YYYY-MM-DD (UTC, optional)"), BacktestLauncher.DATE),
                "end", BacktestTools.pattern(string("last day inclusive, YYYY-MM-DD (UTC, optional)"), BacktestLauncher.DATE),
                "strategy", enumOf("strategy (default " + Strategies.DEFAULT + ")", Strategies.names().toArray(String[]::new)),
                "parameters", Schemas.mapOf(values, "parameter name → values: rsi_max, atr_mult (ema-rsi-atr) and the "
                        + "risk limits " + BacktestLauncher.RISK_NUMBERS),
                "search", enumOf("grid (default): every combination; random: samples of them drawn with seed", "grid", "random"),
                "seed", Schemas.integer("random search seed (default 0)", 0, Long.MAX_VALUE, 0L),
                "samples", Schemas.integer("random search: how many sets", 1, SweepGrid.MAX_RUNS, null),
                "metric", enumOf("rank by (default total_return; max_drawdown ranks lowest first)",
                        Ranking.METRICS.toArray(String[]::new)),
                "walk_forward", BacktestTools.pattern(string("rolling windows, e.g. train=2d,test=1d,step=1d"),
                        "^(train|test|step)=[0-9]+[mhdw](,(train|test|step)=[0-9]+[mhdw]){1,2}$"),
                "batch_size", Schemas.integer("sets per activity (default 1)", 1, SweepGrid.MAX_BATCH, 1L),
                "initial_cash", Schemas.positiveNumber("starting cash in the quote currency"),
                "fee_bps", BacktestTools.bps("taker fee in basis points"),
                "slippage_bps", BacktestTools.bps("slippage in basis points")), "pair", "parameters");
        return List.of(
                ToolSpec.of("run_sweep", Tier.READ, "Start a sweep of backtests (grid or seeded random search, optional "
                        + "walk-forward) on the bundled real candles and return {workflow_id, sets} without waiting. "
                        + "Start SweepWorkflow (sweep-mcp-<8hex>); its runs spread over every worker node.", run,
                        Started.class,
                        new ToolSpec.Hints(false, false, false, false), this::run),
                ToolSpec.of("get_sweep_result", Tier.READ, "Progress of a sweep while it runs (runs done of total); the "
                        + "ranked table, walk-forward windows and runs per worker once done (also after a restart). "
                        + "Query progress on SweepWorkflow <workflow_id>.",
                        object(props("workflow_id", BacktestTools.pattern(string("the workflow_id returned by run_sweep"),
                                "^[A-Za-z0-9._-]{1,120}$"),
                                "wait_seconds", Schemas.integer("wait up to this long for the sweep to finish (default 0)",
                                        0, BacktestTools.MAX_WAIT_SECONDS, 0L),
                                "top", Schemas.integer("rows of the ranked table (default 20)", 1, MAX_TOP, 20L)), "workflow_id"),
                        Answer.class,
                        ToolSpec.Hints.READ, this::result));
    }

    @Doc("the sweep started")
    record Started(@Doc("sweep id") String workflowId, @Doc("its run") String runId,
                   @Doc(value = "started", oneOf = "STARTED") String status, @Doc(value = "parameter sets", min = 0) int sets,
                   @Doc("ranking metric") String metric, @Doc(value = "windows; null without walk-forward", nullable = true)
                   String walkForward) {
    }

    /** get_sweep_result: its progress while it runs, the ranked table once done. */
    @Doc("a sweep's progress while it runs; its ranked table, windows and runs per worker once done")
    sealed interface Answer permits Progress, Done {
    }

    record Progress(@Doc("sweep id") String workflowId,
                    @Doc(value = "state", oneOf = {"STARTED", "RUNNING", "DONE"}) String status,
                    @Doc(value = "runs finished", min = 0) int runsDone,
                    @Doc(value = "runs known so far", min = 0) int runsTotal) implements Answer {
    }

    record Done(@Doc("sweep id") String workflowId, @Doc(value = "state", oneOf = "DONE") String status,
                @Doc(value = "runs finished", min = 0) int runsDone, @Doc(value = "runs known so far", min = 0) int runsTotal,
                @Doc("ranking metric") String metric, @Doc(value = "runs made", min = 0) int runs,
                @Doc("runs per worker node (pid@host)") Map<String, Integer> runsByWorker,
                @Doc("the ranked table, best first (top rows)") List<Row> table,
                @Doc("walk-forward windows; empty without walk-forward") List<WindowRow> windows,
                @Doc(value = "compounded out-of-sample return; null without walk-forward", nullable = true)
                BigDecimal outOfSampleReturn) implements Answer {
    }

    record Row(@Doc(value = "rank, from 1", min = 1) int rank, @Doc("grid, train or test") String phase,
               @Doc(value = "walk-forward window, from 0; -1 without walk-forward", min = -1) int window,
               @Doc(value = "parameter set index", min = 0) int set,
               @Doc("parameter name → value") Map<String, BigDecimal> params,
               @Doc(value = "metric name → value, null where undefined for the run (e.g. Sharpe over fewer than seven "
                       + "days)", nullableValues = true) Map<String, BigDecimal> metrics,
               @Doc("node that ran it (pid@host)") String worker) {
        static Row of(int rank, RunResult x) {
            return new Row(rank, x.phase(), x.window(), x.index(), x.params(), x.metrics(), x.worker());
        }
    }

    record WindowRow(@Doc(value = "window number", min = 0) int window, @Doc("training span start") Instant trainFrom,
                     @Doc("test span start") Instant testFrom, @Doc("test span end") Instant testTo,
                     @Doc("the parameter set chosen on the training span") Map<String, BigDecimal> chosen,
                     @Doc(value = "its training metric; null when undefined", nullable = true) BigDecimal trainMetric,
                     @Doc(value = "its figures on the test span by metric name, null where undefined", nullableValues = true)
                     Map<String, BigDecimal> testMetrics) {
        static WindowRow of(WindowResult w) {
            return new WindowRow(w.window().index(), Instant.ofEpochSecond(w.window().trainFrom()),
                    Instant.ofEpochSecond(w.window().testFrom()), Instant.ofEpochSecond(w.window().testTo()), w.chosen(),
                    w.trainMetric(), w.test().metrics());
        }
    }

    private Future<ToolResult> run(ToolCall call) {
        SweepLauncher.Args args;
        try {
            args = args(call);
        } catch (CodedException e) {
            return Future.succeededFuture(ToolResult.error(e.code(), e.getMessage()));
        }
        return new SweepLauncher(ctx.config()).launch(ctx.vertx(), args, ctx.temporal()::start).map(s -> {
            call.notifier().info("sweep " + s.workflowId() + " started: " + s.sets() + " sets");
            return ToolResult.ok(new Started(s.workflowId(), s.runId(), "STARTED", s.sets(), s.metric(), s.walkForward()));
        }).recover(err -> Future.succeededFuture(err instanceof CodedException c
                ? ToolResult.error(c.code(), c.getMessage()) : ToolResult.error(ErrorCode.INTERNAL, err.getMessage())));
    }

    private static SweepLauncher.Args args(ToolCall call) {
        Map<String, List<BigDecimal>> parameters = new LinkedHashMap<>();
        if (call.arg("parameters") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                List<BigDecimal> list = new ArrayList<>();
                if (v instanceof List<?> l) {
                    l.forEach(x -> list.add(new BigDecimal(String.valueOf(x))));
                }
                parameters.put(String.valueOf(k), list);
            });
        }
        Object seed = call.arg("seed");
        Object samples = call.arg("samples");
        Object batch = call.arg("batch_size");
        SweepLauncher.Args a = new SweepLauncher.Args(BacktestTools.args(call), parameters, call.string("search", null),
                seed == null ? null : Long.valueOf(String.valueOf(seed)),
                samples == null ? null : Integer.valueOf(String.valueOf(samples)), call.string("metric", null),
                call.string("walk_forward", null), batch == null ? null : Integer.valueOf(String.valueOf(batch)));
        SweepLauncher.grid(a);
        return a;
    }

    private Future<ToolResult> result(ToolCall call) {
        String id = call.string("workflow_id", "");
        int wait = call.integer("wait_seconds", 0);
        int top = call.integer("top", 20);
        Future<Void> finished = wait <= 0 ? Future.succeededFuture() : ctx.temporal().withClient(client -> {
            BacktestTools.awaitEnd(client, id, wait);
            return null;
        });
        return finished.compose(v -> ctx.temporal().withClient(client -> Optional.ofNullable(lookup(client, id, top))))
                .compose(live -> live.isPresent() ? Future.succeededFuture(live.get()) : stored(id, top));
    }

    /** What Temporal knows of the sweep; null when it does not know it (then the stored state answers). */
    private static ToolResult lookup(WorkflowClient client, String id, int top) {
        WorkflowStub stub = client.newUntypedWorkflowStub(id, Optional.empty(), Optional.empty());
        var description = WorkflowGateway.describeOrNull(stub);
        if (description == null) {
            return null;
        }
        if (!DurableNames.Sweep.TYPE.equals(description.getWorkflowType())) {
            return notFound(id);
        }
        WorkflowExecutionStatus status = description.getStatus();
        if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            return answer(id, stub.query(DurableNames.Sweep.PROGRESS, SweepProgress.class), top);
        }
        if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
            SweepResult r = stub.getResult(SweepResult.class);
            return answer(id, new SweepProgress(SweepProgress.DONE, r.runs(), r.runs(), r, null, null), top);
        }
        String ended = status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
        CodedException failure = WorkflowGateway.failureOf(stub);
        return ToolResult.error(failure.code(), "sweep " + id + " ended " + ended + ": " + failure.getMessage(), Map.of("workflow_id", id, "status", ended));
    }

    /** A sweep Temporal no longer knows: its stored state (V90). */
    private Future<ToolResult> stored(String id, int top) {
        Codecs.register(ctx.vertx(), SweepMessages.TYPES);
        return io.tradingstack.bus.Replies.coded(ctx.vertx().eventBus().<SweepMessages.Loaded>request(Addresses.SWEEP_LOAD,
                new SweepMessages.Load(id))).map(reply -> {
                    String json = reply.body().progressJson();
                    if (json == null) {
                        return notFound(id);
                    }
                    SweepProgress p;
                    try {
                        p = Json.MAPPER.readValue(json, SweepProgress.class);
                    } catch (IOException e) {
                        throw new CodedException(ErrorCode.STATE_STORAGE, "unreadable stored sweep " + id);
                    }
                    if (SweepProgress.STARTED.equals(p.state()) || SweepProgress.RUNNING.equals(p.state())) {
                        return ToolResult.error(ErrorCode.SWEEP_INTERRUPTED, "sweep " + id + " was running when the node "
                                + "restarted and did not finish; run it again", Map.of("workflow_id", id, "status", "INTERRUPTED"));
                    }
                    return answer(id, p, top);
                });
    }

    private static ToolResult answer(String id, SweepProgress p, int top) {
        if (SweepProgress.FAILED.equals(p.state())) {
            ErrorCode code = p.errorCode() == null ? ErrorCode.INTERNAL : ErrorCode.named(p.errorCode()).orElse(ErrorCode.INTERNAL);
            return ToolResult.error(code, "sweep " + id + " ended FAILED: " + p.error(), Map.of("workflow_id", id, "status", "FAILED"));
        }
        SweepResult r = p.result();
        if (r == null) {
            return ToolResult.ok(new Progress(id, p.state(), p.runsDone(), p.runsTotal()));
        }
        List<Row> table = new ArrayList<>();
        for (RunResult x : r.ranked().subList(0, Math.min(top, r.ranked().size()))) {
            table.add(Row.of(table.size() + 1, x));
        }
        return ToolResult.ok(new Done(id, SweepProgress.DONE, p.runsDone(), p.runsTotal(), r.metric(), r.runs(), r.runsByWorker(),
                table, r.windows().stream().map(WindowRow::of).toList(), r.outOfSampleReturn()));
    }

    private static ToolResult notFound(String id) {
        return ToolResult.error(ErrorCode.SWEEP_NOT_FOUND, "no sweep with workflow id " + id);
    }
}
