package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.risk.RiskConfig;
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
    private static final long PROGRESS_MIN_BARS = 20_000;

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
    @Option(names = "--strategy", description = "strategy name (default ${DEFAULT-VALUE})", defaultValue = "ema-rsi-atr")
    String strategy;
    @Option(names = "--risk-config", description = "risk limits JSON (see configs/risk_limits.example.json)")
    Path riskConfig;
    @Option(names = "--max-position-risk-pct") BigDecimal maxPositionRiskPct;
    @Option(names = "--max-symbol-exposure-pct") BigDecimal maxSymbolExposurePct;
    @Option(names = "--max-portfolio-exposure-pct") BigDecimal maxPortfolioExposurePct;
    @Option(names = "--max-daily-loss-pct") BigDecimal maxDailyLossPct;
    @Option(names = "--max-daily-risk-budget-pct") BigDecimal maxDailyRiskBudgetPct;
    @Option(names = "--max-trades-per-day") Integer maxTradesPerDay;
    @Option(names = "--symbol-vetoes", split = ",") List<String> symbolVetoes;
    @Option(names = "--direction-vetoes", split = ",", description = "long, short, exit") List<String> directionVetoes;
    @Option(names = "--initial-cash", description = "default ${DEFAULT-VALUE}", defaultValue = "1400") BigDecimal initialCash;
    @Option(names = "--fee-bps", description = "taker fee, default ${DEFAULT-VALUE}", defaultValue = "10") BigDecimal feeBps;
    @Option(names = "--slippage-bps", description = "default ${DEFAULT-VALUE}", defaultValue = "5") BigDecimal slippageBps;
    @Option(names = "--data-dir", description = "DATA_DIR holding the backtesting cache (default ${DEFAULT-VALUE})",
            defaultValue = "./data") Path dataDir;
    @Option(names = "--no-progress", description = "no progress bar") boolean noProgress;
    @Option(names = "--out", required = true, description = "output directory") Path out;

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
        List<Dataset> datasets = datasets();
        RiskConfig.Loaded risk = RiskConfig.load(riskConfig, riskOverrides());
        BacktestConfig config = new BacktestConfig(initialCash, feeBps, slippageBps, risk.limits(), risk.adjustments(),
                BigDecimal.ONE, 8);
        long total = datasets.stream().mapToLong(d -> d.candles().size()).sum();
        BacktestResult result;
        try (ProgressBar bar = progressBar(total)) {
            result = new BacktestEngine(config).run(datasets, io.tradingstack.strategy.Strategies.create(strategy),
                    bar == null ? ProgressListener.NONE : (done, all) -> bar.stepTo(done));
        }
        Map<String, Object> report = BacktestReport.build(result, config, strategy);
        BacktestReport.writeJson(report, out.resolve("report.json"));
        HtmlReport.write(report, result.equity(), out.resolve("report.html"));
        System.out.println(Summary.table(report));
        System.out.println("Wrote " + out.resolve("report.json") + " and " + out.resolve("report.html"));
        return 0;
    }

    private ProgressBar progressBar(long total) {
        if (noProgress || total < PROGRESS_MIN_BARS) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("backtest").setInitialMax(total).setUnit(" bars", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    List<Dataset> datasets() {
        List<Dataset> out = new ArrayList<>();
        if (!data.isEmpty()) {
            if (!pairs.isEmpty() && pairs.size() != data.size()) {
                throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "give one --pair per --data file or none");
            }
            for (int i = 0; i < data.size(); i++) {
                Dataset d = DatasetLoader.load(data.get(i), pairs.isEmpty() ? null : pairs.get(i), null);
                out.add(timeframe == null ? d : Resampler.resample(d, timeframe));
            }
            return out;
        }
        if (pairs.isEmpty() || start == null || end == null) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "give --data FILE or --pair SYMBOL --start --end");
        }
        String tf = timeframe == null ? "1h" : timeframe;
        CandleCache cache = new CandleCache(dataDir);
        for (String p : pairs) {
            out.add(cache.read(p, tf, start, end).orElseThrow(() -> new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS,
                    "no cached candles at " + cache.file(p, tf, start, end) + "; this build has no exchange candle"
                            + " loader (market.CandleLoader) to fetch them: pass --data FILE")));
        }
        return out;
    }

    private Map<String, Object> riskOverrides() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_position_risk_pct", maxPositionRiskPct);
        m.put("max_symbol_exposure_pct", maxSymbolExposurePct);
        m.put("max_portfolio_exposure_pct", maxPortfolioExposurePct);
        m.put("max_daily_loss_pct", maxDailyLossPct);
        m.put("max_daily_risk_budget_pct", maxDailyRiskBudgetPct);
        m.put("max_trades_per_day", maxTradesPerDay);
        m.put("symbol_vetoes", symbolVetoes);
        m.put("direction_vetoes", directionVetoes);
        return m;
    }
}
