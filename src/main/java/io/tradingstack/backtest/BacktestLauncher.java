package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.Strategies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Starting a backtest from an edge: MCP's run_backtest and the dashboard's form take this one path
 * (checks, the bundled data slice, the workflow id and its run directory under
 * {@code DATA_DIR/backtesting/runs}). Nothing is started when a check fails.
 */
public final class BacktestLauncher {
    /** Numeric risk keys a client may override; the veto lists stay with the risk config file. */
    public static final List<String> RISK_NUMBERS = List.of("max_position_risk_pct", "max_symbol_exposure_pct",
            "max_portfolio_exposure_pct", "max_daily_loss_pct", "max_daily_risk_budget_pct", "max_trades_per_day");
    public static final String TIMEFRAME = "^[1-9][0-9]{0,2}[mhd]$";
    public static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";
    /** The shape of a run id: also the only name the dashboard accepts for a report directory. */
    public static final Pattern RUN_ID = Pattern.compile("^[A-Za-z0-9._-]{1,120}$");
    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9]{1,10}-[A-Z0-9]{1,10}$");

    /** What a client asks for; null means the default. The compact constructor checks every field. */
    public record Args(String pair, String timeframe, String source, String start, String end, String strategy,
                       BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps, Map<String, BigDecimal> risk,
                       LlmOptions llm) {
        /** Arguments of a run without LLM options. */
        public Args(String pair, String timeframe, String source, String start, String end, String strategy,
                    BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps, Map<String, BigDecimal> risk) {
            this(pair, timeframe, source, start, end, strategy, initialCash, feeBps, slippageBps, risk, null);
        }

        public Args {
            require(pair != null && SYMBOL.matcher(pair).matches(), "pair must look like BTC-USD");
            timeframe = timeframe == null ? "1h" : timeframe;
            require(timeframe.matches(TIMEFRAME) && Timeframes.seconds(timeframe) >= 60,
                    "timeframe must be at least 1m, e.g. 1m, 5m, 1h, 1d");
            source = source == null ? "bundled" : source;
            require(source.equals("bundled") || source.equals("exchange"), "source must be bundled or exchange");
            require(start == null || start.matches(DATE), "start must be YYYY-MM-DD");
            require(end == null || end.matches(DATE), "end must be YYYY-MM-DD");
            require(start == null || end == null || !BacktestData.day(start).isAfter(BacktestData.day(end)),
                    "start must not be after end");
            require(!source.equals("exchange") || (start != null && end != null), "source exchange needs start and end");
            strategy = strategy == null ? Strategies.DEFAULT : strategy;
            require(Strategies.names().contains(strategy) || LlmStrategy.NAME.equals(strategy),
                    "strategy must be one of " + Strategies.names() + " or " + LlmStrategy.NAME);
            llm = LlmStrategy.NAME.equals(strategy) && llm == null ? LlmOptions.DEFAULTS : llm;
            require(initialCash == null || initialCash.signum() > 0, "initial_cash must be > 0");
            require(bps(feeBps) && bps(slippageBps), "fee_bps and slippage_bps must be between 0 and 1000");
            risk = risk == null ? Map.of() : Map.copyOf(risk);
            require(RISK_NUMBERS.containsAll(risk.keySet()), "unknown risk key in " + risk.keySet() + "; known: " + RISK_NUMBERS);
            require(risk.values().stream().allMatch(v -> v.signum() > 0), "risk overrides must be > 0");
        }

        private static boolean bps(BigDecimal v) {
            return v == null || v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0;
        }
    }

    /** What was started, in the shape run_backtest answers. */
    public record Started(String workflowId, String runId, String pair, String timeframe, String strategy,
                          String reportDir) {
        /** The answer to a launch, the same for MCP's run_backtest and the dashboard's form. */
        public Map<String, Object> summary() {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("workflow_id", workflowId);
            out.put("run_id", runId);
            out.put("status", "STARTED");
            out.put("pair", pair);
            out.put("timeframe", timeframe);
            out.put("strategy", strategy);
            return out;
        }
    }

    /** Starts a workflow of a type with one argument and completes with its run id (MCP's gateway, the dashboard's client). */
    @FunctionalInterface
    public interface Starter {
        Future<String> start(String workflowId, String workflowType, BacktestRequest request);
    }

    private final AppConfig config;

    public BacktestLauncher(AppConfig config) {
        this.config = config;
    }

    /** Where runs started from an edge keep their data slice and reports. */
    public static Path runsDir(AppConfig config) {
        return config.dataDir().resolve("backtesting").resolve("runs");
    }

    /** Checks nothing more (Args did), writes the bundled slice off the event loop, then starts the run. */
    public Future<Started> launch(Vertx vertx, Args args, Starter starter) {
        String workflowId = DurableNames.Backtest.MCP_ID_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        Path runDir = runsDir(config).resolve(workflowId);
        BacktestRequest request = request(args, runDir);
        Future<BacktestRequest> prepared = "exchange".equals(args.source()) ? Future.succeededFuture(request)
                : vertx.executeBlocking(() -> withBundledData(request, args, runDir), false);
        return prepared.compose(r -> starter.start(workflowId, DurableNames.Backtest.typeFor(r.strategy()), r)
                .map(runId -> new Started(workflowId, runId, r.pairs().get(0), r.timeframe(), r.strategy(),
                        runDir.toString())));
    }

    private BacktestRequest request(Args a, Path runDir) {
        Map<String, String> risk = new java.util.LinkedHashMap<>();
        a.risk().forEach((k, v) -> risk.put(k, v.toPlainString()));
        return new BacktestRequest(List.of(), List.of(a.pair()), a.start(), a.end(), a.timeframe(), a.strategy(), null,
                risk, a.initialCash(), a.feeBps(), a.slippageBps(), config.dataDir().toString(),
                config.get(ConfigKey.COINBASE_REST_URL), runDir.toString(), a.llm());
    }

    private static BacktestRequest withBundledData(BacktestRequest r, Args a, Path runDir) {
        Path file = bundledSlice(a, runDir);
        return new BacktestRequest(List.of(file.toString()), r.pairs(), null, null, r.timeframe(), r.strategy(),
                r.riskConfig(), r.riskOverrides(), r.initialCash(), r.feeBps(), r.slippageBps(), r.dataDir(),
                r.exchangeUrl(), r.outDir(), r.llm());
    }

    /** Writes the bundled candles of the arguments' pair and days under {@code runDir}; blocking. */
    public static Path bundledSlice(Args a, Path runDir) {
        return bundledSlice(a.pair(), a.start(), a.end(), runDir.resolve("candles-1m.json"));
    }

    /** Writes the bundled 1-minute candles of {@code pair} over the days [start, end] (null: all) to {@code file}; blocking. */
    public static Path bundledSlice(String pair, String start, String end, Path file) {
        return BacktestData.writeBundled(pair, start, end, file);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, message);
        }
    }
}
