package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code trading-stack backtest}: runs the engine on files or cached exchange candles and writes the reports. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Backtest a strategy on candles; writes DIR/report.json and DIR/report.html.")
public final class BacktestCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--data", description = "candle file (generic CSV, CryptoDataDownload CSV, freqtrade JSON); repeatable")
    List<Path> data = new ArrayList<>();
    @Option(names = "--pair", split = ",", description = "symbol(s); with --data it names the file's symbol")
    List<String> pairs = new ArrayList<>();
    @Option(names = "--start", description = "first day (YYYY-MM-DD) when fetching by --pair")
    LocalDate start;
    @Option(names = "--end", description = "end day, exclusive (YYYY-MM-DD) when fetching by --pair")
    LocalDate end;
    @Option(names = "--timeframe", description = "bar size (e.g. 1m, 1h); coarser than the data resamples it")
    String timeframe;
    @Option(names = "--strategy", description = "strategy: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}), "
            + "spec:FILE (a strategy spec in JSON), spec:default (the shipped spec of the --pair) "
            + "or llm (the LLM strategist plans a spec per day, the judge reviews each day)",
            defaultValue = "ema-rsi-atr", completionCandidates = StrategyNames.class)
    String strategy;
    @Option(names = "--risk-config", description = "risk limits JSON (see configs/risk_limits.example.json)")
    Path riskConfig;
    @Option(names = "--max-position-risk-pct", description = "per-trade risk, %% of equity (default 2.0)") BigDecimal maxPositionRiskPct;
    @Option(names = "--max-symbol-exposure-pct", description = "exposure per symbol, %% of equity (default 25.0)") BigDecimal maxSymbolExposurePct;
    @Option(names = "--max-portfolio-exposure-pct", description = "gross exposure, %% of equity (default 80.0)") BigDecimal maxPortfolioExposurePct;
    @Option(names = "--max-daily-loss-pct", description = "no new entries after this loss since the day's start, %% (default 3.0)") BigDecimal maxDailyLossPct;
    @Option(names = "--max-daily-risk-budget-pct", description = "risk taken per day, %% of start-of-day equity (default off)") BigDecimal maxDailyRiskBudgetPct;
    @Option(names = "--max-trades-per-day", description = "approved orders per UTC day (default off)") Integer maxTradesPerDay;
    @Option(names = "--symbol-vetoes", split = ",", description = "symbols that may not be entered") List<String> symbolVetoes;
    @Option(names = "--direction-vetoes", split = ",", description = "long, short, exit") List<String> directionVetoes;
    @Option(names = "--initial-cash", description = "default ${DEFAULT-VALUE}", defaultValue = "1400") BigDecimal initialCash;
    @Option(names = "--fee-bps", description = "taker fee, default ${DEFAULT-VALUE}", defaultValue = "10") BigDecimal feeBps;
    @Option(names = "--slippage-bps", description = "default ${DEFAULT-VALUE}", defaultValue = "5") BigDecimal slippageBps;
    @Option(names = "--data-dir", description = "DATA_DIR; exchange candles are cached in DATA_DIR/backtesting (default ${DEFAULT-VALUE})",
            defaultValue = "./data") Path dataDir;
    @Option(names = "--exchange-url", description = "Coinbase Exchange REST base URL for --pair (default ${DEFAULT-VALUE})",
            defaultValue = "https://api.exchange.coinbase.com") String exchangeUrl;
    @Option(names = "--no-progress", description = "no progress bar") boolean noProgress;
    @Option(names = "--plan-every", description = "llm: plan at each simulated day (1d, default) or every N bars") String planEvery;
    @Option(names = "--llm-calls-per-day", description = "llm: LLM requests per simulated day, planner and judge (default "
            + LlmOptions.DEFAULT_CALLS_PER_DAY + ")") Integer llmCallsPerDay;
    @Option(names = "--risk-profile", description = "llm: the planner's risk profile (default moderate)") String riskProfile;
    @Option(names = "--no-judge", description = "llm: no judge at the days' ends") boolean noJudge;
    @Option(names = "--llm-cache", description = "llm: the call log answering repeated requests (default DATA_DIR/llm/calls.jsonl)")
    Path llmCache;
    @Option(names = {"-s", "--set"}, description = "llm: configuration KEY=VALUE (LLM_PROVIDER, OPENAI_BASE_URL, ...); repeatable")
    Map<String, String> settings = new LinkedHashMap<>();
    @Option(names = "--out", description = "output directory (required)") Path out;
    /** Read by the launcher before parsing (app.QuickJit): the run itself does not change. */
    @Option(names = "--full-jit", description = "keep the JVM's optimising compiler (C2): pays off only for runs much longer "
            + "than a year of minutes; by default a backtest process compiles with C1 only") boolean fullJit;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (CodedException e) {
            System.err.println("error " + e.code().code() + " " + e.code().name() + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("error " + ErrorCode.BACKTEST_BAD_ARGUMENTS.code() + " BACKTEST_BAD_ARGUMENTS: " + e.getMessage());
            return 2;
        }
    }

    private int run() {
        if (out == null) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "missing --out DIR (the reports' directory)");
        }
        BacktestRequest request = new BacktestRequest(data.stream().map(Path::toString).toList(), pairs,
                start == null ? null : start.toString(), end == null ? null : end.toString(), timeframe, strategy,
                riskConfig == null ? null : riskConfig.toString(), riskOverrides(), initialCash, feeBps, slippageBps,
                dataDir.toString(), exchangeUrl, out.toString(), llmOptions());
        BacktestRunner.Outcome outcome;
        try (LlmBacktestService llm = LlmStrategy.NAME.equals(strategy)
                ? LlmBacktestService.open(settings, llmCache != null ? llmCache : dataDir.resolve("llm").resolve("calls.jsonl")) : null;
             ProgressBar bar = noProgress ? null : new ProgressBarBuilder().setTaskName("backtest").setInitialMax(1)
                .setUnit(" bars", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build()) {
            outcome = BacktestRunner.run(request, bar == null ? ProgressListener.NONE : (done, all) -> {
                bar.maxHint(all);
                bar.stepTo(done);
            }, null, llm == null ? null : llm::chat);
        }
        System.out.println(Summary.table(outcome.report()));
        System.out.print(Summary.dataFindings(outcome.report()));
        System.out.println("Wrote " + outcome.summary().reportJson() + " and " + outcome.summary().reportHtml());
        if (outcome.report().get("llm") != null) {
            System.out.println("LLM requests, model calls and cache hits: " + readUsage(out.resolve(BacktestRunner.LLM_USAGE_FILE)));
        }
        return 0;
    }

    private LlmOptions llmOptions() {
        if (!LlmStrategy.NAME.equals(strategy)) {
            return null;
        }
        return new LlmOptions(planEvery, llmCallsPerDay == null ? LlmOptions.DEFAULT_CALLS_PER_DAY : llmCallsPerDay,
                riskProfile, !noJudge);
    }

    private static Object readUsage(Path file) {
        try {
            return io.tradingstack.bus.Json.MAPPER.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> riskOverrides() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "max_position_risk_pct", maxPositionRiskPct);
        put(m, "max_symbol_exposure_pct", maxSymbolExposurePct);
        put(m, "max_portfolio_exposure_pct", maxPortfolioExposurePct);
        put(m, "max_daily_loss_pct", maxDailyLossPct);
        put(m, "max_daily_risk_budget_pct", maxDailyRiskBudgetPct);
        put(m, "max_trades_per_day", maxTradesPerDay);
        put(m, "symbol_vetoes", symbolVetoes == null ? null : String.join(",", symbolVetoes));
        put(m, "direction_vetoes", directionVetoes == null ? null : String.join(",", directionVetoes));
        return m;
    }

    private static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }

    /** The strategy names, listed in --help. */
    static final class StrategyNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return new java.util.TreeSet<>(io.tradingstack.strategy.Strategies.names()).iterator();
        }
    }
}
