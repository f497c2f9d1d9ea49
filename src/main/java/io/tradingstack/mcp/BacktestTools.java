package io.tradingstack.mcp;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.backtest.BacktestProgress;
import io.tradingstack.backtest.BacktestRun;
import io.tradingstack.backtest.BacktestSummary;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.WorkflowState;
import io.tradingstack.strategy.Strategies;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.vertx.core.Future;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * run_backtest starts a {@code BacktestWorkflow} and returns at once; get_backtest_result queries
 * its progress while it runs and reads its summary and report once it is done. Tier read: a backtest
 * is a simulation over recorded candles that places no order and changes no portfolio.
 */
final class BacktestTools {
    private static final String DATE = BacktestLauncher.DATE;
    private static final List<String> RISK_NUMBERS = BacktestLauncher.RISK_NUMBERS;

    private final ToolContext ctx;

    BacktestTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    /** Longest wait_seconds of get_backtest_result: below the MCP client's usual request timeout. */
    static final int MAX_WAIT_SECONDS = 30;

    List<ToolSpec> tools() {
        Map<String, Object> risk = new LinkedHashMap<>();
        RISK_NUMBERS.forEach(k -> risk.put(k, Schemas.positiveNumber("risk limit " + k + " (reference risk key)")));
        Map<String, Object> runSchema = object(props(
                "pair", symbol("product, e.g. BTC-USD"),
                "timeframe", pattern(string("bar length: 1m, 5m, 15m, 1h, 6h, 1d (default 1h)"), BacktestLauncher.TIMEFRAME),
                "source", enumOf("bundled (default): the recorded real 1-minute candles shipped with the market "
                        + "component, offline; exchange: candles from COINBASE_REST_URL through the DATA_DIR cache",
                        "bundled", "exchange"),
                "start", pattern(string("first day, YYYY-MM-DD (UTC; optional for bundled)"), DATE),
                "end", pattern(string("last day inclusive, YYYY-MM-DD (UTC; optional for bundled)"), DATE),
                "strategy", enumOf("strategy (default " + Strategies.DEFAULT + ")",
                        java.util.stream.Stream.concat(Strategies.names().stream(),
                                java.util.stream.Stream.of(io.tradingstack.backtest.LlmStrategy.NAME)).toArray(String[]::new)),
                "plan_every", string("strategy llm: 1d (default) or a number of bars between plans"),
                "llm_calls_per_day", Schemas.count("strategy llm: LLM requests per simulated day (default "
                        + io.tradingstack.backtest.LlmOptions.DEFAULT_CALLS_PER_DAY + ")"),
                "risk_profile", enumOf("strategy llm: the planner's risk profile (default moderate)",
                        "conservative", "moderate", "aggressive"),
                "judge", Schemas.bool("strategy llm: the judge reviews each simulated day", true),
                "initial_cash", Schemas.positiveNumber("starting cash in the quote currency"),
                "fee_bps", bps("taker fee in basis points"),
                "slippage_bps", bps("slippage in basis points"),
                "risk_overrides", object(risk)), "pair");
        return List.of(
                ToolSpec.of("run_backtest", Tier.READ, "Start a backtest on real candles and return {workflow_id, "
                        + "run_id, status} without waiting. Start BacktestWorkflow (backtest-mcp-<8hex>).", runSchema,
                        Started.class,
                        new ToolSpec.Hints(false, false, false, false), this::run),
                ToolSpec.of("get_backtest_result", Tier.READ, "Progress of a backtest while it runs; its summary, "
                        + "metrics, counts and report files once done (also after a restart: runs are stored in "
                        + "PostgreSQL). Query progress on BacktestWorkflow <workflow_id>.",
                        object(props("workflow_id", pattern(string("the workflow_id returned by run_backtest"),
                                "^[A-Za-z0-9._-]{1,120}$"), "wait_seconds", Schemas.integer("wait up to this long for "
                                + "the run to finish before answering (0, the default: answer at once)", 0, MAX_WAIT_SECONDS,
                                0L)), "workflow_id"), Answer.class, ToolSpec.Hints.READ,
                        this::result));
    }

    /**
     * Waits, bounded, for the run to end (a model cannot sleep between polls); how it ended is read
     * afterwards like any other answer, so a failure or an unknown id changes nothing here.
     */
    static void awaitEnd(io.temporal.client.WorkflowClient client, String workflowId, int seconds) {
        try {
            client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
                    .getResult(seconds, java.util.concurrent.TimeUnit.SECONDS, Object.class);
        } catch (java.util.concurrent.TimeoutException | io.temporal.client.WorkflowException
                 | io.grpc.StatusRuntimeException stillRunningOrGone) {
            // answered from the workflow's state below
        }
    }

    @Doc("the backtest started")
    record Started(@Doc("backtest id") String workflowId, @Doc("its run") String runId,
                   @Doc(value = "started", oneOf = "STARTED") String status, @Doc("product") String pair,
                   @Doc("bar size") String timeframe, @Doc("strategy") String strategy,
                   @Doc("directory of report.json and report.html") String reportDir) {
        static Started of(BacktestLauncher.Started s) {
            return new Started(s.workflowId(), s.runId(), "STARTED", s.pair(), s.timeframe(), s.strategy(), s.reportDir());
        }
    }

    /** get_backtest_result: the run's progress while it runs, its summary and report figures once done. */
    @Doc("a backtest's progress while it runs; its summary, metrics, counts and report files once done")
    sealed interface Answer permits Progress, Done {
    }

    record Progress(@Doc("backtest id") String workflowId,
                    @Doc(value = "not finished yet", oneOf = {"STARTED", "RUNNING"}) String status,
                    @Doc(value = "bars simulated", min = 0) long barsDone, @Doc(value = "bars to simulate", min = 0) long barsTotal,
                    @Doc("done / total") double fraction) implements Answer {
    }

    record Done(@Doc("backtest id") String workflowId, @Doc(value = "finished", oneOf = "DONE") String status,
                @Doc("product") String pair, @Doc("bar size") String timeframe,
                @Doc(value = "bars simulated", min = 0) long bars, @Doc(value = "closed trades", min = 0) int trades,
                @Doc("equity at the end (exact decimal)") BigDecimal finalEquity,
                @Doc("final / initial - 1") BigDecimal totalReturn,
                @Doc("largest fall from a peak, fraction") BigDecimal maxDrawdown,
                @Doc(value = "engine throughput", min = 0) long barsPerSecond,
                @Doc("path of report.json") String reportJson, @Doc("path of report.html") String reportHtml,
                @Doc(value = "strategy; null when the report is unreadable", nullable = true) String strategy,
                @Doc(value = "first bar; null when the report is unreadable", nullable = true) Instant start,
                @Doc(value = "last bar; null when the report is unreadable", nullable = true) Instant end,
                @Doc(value = "the report's metrics as report.json stores them (open: numbers, null for an undefined "
                        + "metric with its reason under metrics.reasons); null when the report is unreadable", nullable = true)
                Map<String, Object> metrics,
                @Doc(value = "orders, fills and closed trades of the report; null when it is unreadable", nullable = true)
                Counts counts,
                @Doc(value = "why the report's metrics are missing; null when they are not", nullable = true)
                String reportNote) implements Answer {
    }

    record Counts(@Doc("orders by outcome") Map<String, Integer> orders, @Doc(value = "fills", min = 0) int fills,
                  @Doc(value = "closed trades", min = 0) int closedTrades) {
    }

    /** The one launch path (backtest.BacktestLauncher), shared with the dashboard's form. */
    private Future<ToolResult> run(ToolCall call) {
        BacktestLauncher.Args args;
        try {
            args = args(call);
        } catch (CodedException e) {
            return Future.succeededFuture(ToolResult.error(e.code(), e.getMessage()));
        }
        return new BacktestLauncher(ctx.config()).launch(ctx.vertx(), args, ctx.temporal()::start).map(started -> {
            call.notifier().info("backtest " + started.workflowId() + " started");
            return ToolResult.ok(Started.of(started));
        }).recover(err -> Future.succeededFuture(err instanceof CodedException c
                ? ToolResult.error(c.code(), c.getMessage()) : ToolResult.error(ErrorCode.INTERNAL, err.getMessage())));
    }

    static BacktestLauncher.Args args(ToolCall call) {
        Map<String, BigDecimal> risk = new LinkedHashMap<>();
        if (call.arg("risk_overrides") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> risk.put(String.valueOf(k), new BigDecimal(String.valueOf(v))));
        }
        return new BacktestLauncher.Args(call.string("pair", null), call.string("timeframe", null),
                call.string("source", null), call.string("start", null), call.string("end", null),
                call.string("strategy", null), decimal(call, "initial_cash"), decimal(call, "fee_bps"),
                decimal(call, "slippage_bps"), risk, llm(call));
    }

    /** The options of strategy llm (null for other strategies: the launcher fills the defaults). */
    private static io.tradingstack.backtest.LlmOptions llm(ToolCall call) {
        if (!io.tradingstack.backtest.LlmStrategy.NAME.equals(call.string("strategy", null))) {
            return null;
        }
        try {
            return new io.tradingstack.backtest.LlmOptions(call.string("plan_every", null),
                    call.integer("llm_calls_per_day", io.tradingstack.backtest.LlmOptions.DEFAULT_CALLS_PER_DAY),
                    call.string("risk_profile", null), !Boolean.FALSE.equals(call.arg("judge")));
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, e.getMessage());
        }
    }

    private Future<ToolResult> result(ToolCall call) {
        String workflowId = call.string("workflow_id", "");
        int wait = call.integer("wait_seconds", 0);
        Future<Void> finished = wait <= 0 ? Future.succeededFuture() : ctx.temporal().withClient(client -> {
            awaitEnd(client, workflowId, wait);
            return null;
        });
        return finished.compose(v -> ctx.temporal().withClient(client -> Optional.ofNullable(lookup(client, workflowId))))
                .compose(live -> live.isPresent() ? Future.succeededFuture(live.get()) : storedRun(workflowId)
                        .compose(run -> ctx.vertx().executeBlocking(() -> stored(workflowId, run), false)));
    }

    /** The stored run (null when none), from the workflow-state store over the bus. */
    private Future<BacktestRun> storedRun(String workflowId) {
        Codecs.register(ctx.vertx(), WorkflowState.MESSAGES);
        return io.tradingstack.bus.Replies.coded(ctx.vertx().eventBus().<WorkflowState.Loaded>request(
                        io.tradingstack.bus.Addresses.STATE_LOAD, new WorkflowState.Load(workflowId)))
                .map(reply -> {
                    WorkflowState state = reply.body().state();
                    try {
                        return state == null ? null : Json.MAPPER.readValue(state.stateJson(), BacktestRun.class);
                    } catch (IOException e) {
                        throw new CodedException(ErrorCode.STATE_STORAGE, "unreadable stored run " + workflowId);
                    }
                });
    }

    /** A run Temporal no longer knows (the node restarted): its stored status and result. */
    private static ToolResult stored(String workflowId, BacktestRun run) {
        if (run == null) {
            return notFound(workflowId);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflow_id", workflowId);
        switch (run.status()) {
            case BacktestRun.DONE -> {
                return ToolResult.ok(done(workflowId, run.summary()));
            }
            case BacktestRun.FAILED -> {
                out.put("status", "FAILED");
                ErrorCode code = run.errorCode() == null ? ErrorCode.INTERNAL : run.errorCode();
                return ToolResult.error(code, "backtest " + workflowId + " ended FAILED: " + run.errorMessage(), out);
            }
            default -> {
                out.put("status", "INTERRUPTED");
                return ToolResult.error(ErrorCode.BACKTEST_INTERRUPTED, "backtest " + workflowId
                        + " was running when the node restarted and did not finish; run it again", out);
            }
        }
    }

    /** What Temporal knows of the run; null when it does not know it (then the stored run answers). */
    private static ToolResult lookup(WorkflowClient client, String workflowId) {
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
        var description = WorkflowGateway.describeOrNull(stub);
        if (description == null) {
            return null;
        }
        if (!DurableNames.Backtest.isBacktest(description.getWorkflowType())) {
            return notFound(workflowId);
        }
        WorkflowExecutionStatus status = description.getStatus();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workflow_id", workflowId);
        if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            BacktestProgress p = stub.query(DurableNames.Backtest.PROGRESS, BacktestProgress.class);
            if ("DONE".equals(p.state()) && p.summary() != null) {
                // the run has its summary but its completion is not recorded yet: the answer is the same
                return ToolResult.ok(done(workflowId, p.summary()));
            }
            return ToolResult.ok(new Progress(workflowId, p.state(), p.barsDone(), p.barsTotal(), p.fraction()));
        }
        if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
            String ended = status.name().replace("WORKFLOW_EXECUTION_STATUS_", "");
            out.put("status", ended);
            return failure(stub, workflowId, ended, out);
        }
        return ToolResult.ok(done(workflowId, stub.getResult(BacktestSummary.class)));
    }

    /** The run's own failure code when the activity raised a coded one (its failure type is the code name). */
    private static ToolResult failure(WorkflowStub stub, String workflowId, String ended, Map<String, Object> out) {
        CodedException f = WorkflowGateway.failureOf(stub);
        return ToolResult.error(f.code(), "backtest " + workflowId + " ended " + ended + ": " + f.getMessage(), out);
    }

    /** The summary plus the report's metrics and counts (the full report stays in its file). */
    @SuppressWarnings("unchecked")
    static Done done(String workflowId, BacktestSummary s) {
        Map<String, Object> report;
        try {
            report = Json.MAPPER.readValue(Files.readString(Path.of(s.reportJson())), Map.class);
        } catch (IOException e) {
            return done(workflowId, s, null, null, null, null, null, "report file unreadable: " + e.getMessage());
        }
        Map<String, Integer> orders = new LinkedHashMap<>();
        if (report.get("orders") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> orders.put(String.valueOf(k), ((Number) v).intValue()));
        }
        return done(workflowId, s, report.get("strategy") == null ? null : String.valueOf(report.get("strategy")),
                instant(report.get("start")), instant(report.get("end")), (Map<String, Object>) report.get("metrics"),
                new Counts(orders, size(report.get("fills")), size(report.get("trades"))), null);
    }

    private static Done done(String workflowId, BacktestSummary s, String strategy, Instant start, Instant end,
                             Map<String, Object> metrics, Counts counts, String note) {
        return new Done(workflowId, "DONE", s.pair(), s.timeframe(), s.bars(), s.trades(), s.finalEquity(), s.totalReturn(),
                s.maxDrawdown(), s.barsPerSecond(), s.reportJson(), s.reportHtml(), strategy, start, end, metrics, counts, note);
    }

    private static Instant instant(Object v) {
        return v == null ? null : Instant.parse(String.valueOf(v));
    }

    private static int size(Object v) {
        return v instanceof List<?> l ? l.size() : 0;
    }

    private static ToolResult notFound(String workflowId) {
        return ToolResult.error(ErrorCode.BACKTEST_NOT_FOUND, "no backtest with workflow id " + workflowId);
    }

    private static BigDecimal decimal(ToolCall call, String name) {
        Object v = call.arg(name);
        return v == null ? null : new BigDecimal(String.valueOf(v));
    }

    static Map<String, Object> bps(String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "number");
        s.put("description", description);
        s.put("minimum", 0);
        s.put("maximum", 1000);
        return s;
    }

    static Map<String, Object> pattern(Map<String, Object> s, String regex) {
        s.put("pattern", regex);
        return s;
    }
}
