package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.risk.RiskConfig;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.BuyAndHoldStrategy;
import io.tradingstack.strategy.SpecStrategy;
import io.tradingstack.strategy.Strategies;
import io.tradingstack.strategy.Strategy;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.spec.StrategySpec;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Loads the data of a request, runs the engine and writes report.json, report.html and the full
 * equity curve (equity.csv.gz): the CLI and the activity share it.
 */
public final class BacktestRunner {
    /** {@code --strategy spec-id:ID}: an active spec of the store, by id. */
    public static final String SPEC_ID = "spec-id:";
    private BacktestRunner() {
    }

    /** The report map and result of a run whose files were written under {@code outDir}. */
    public record Outcome(Map<String, Object> report, BacktestResult result, BacktestSummary summary) {
    }

    public static Outcome run(BacktestRequest req, ProgressListener progress) {
        return run(req, progress, null);
    }

    /**
     * @param specsById finds a stored spec by id for {@code --strategy spec-id:ID} (the store
     *                  workflow, when running inside the stack); null where there is no store
     */
    public static Outcome run(BacktestRequest req, ProgressListener progress, Function<String, StrategySpec> specsById) {
        return run(req, progress, specsById, null);
    }

    /**
     * @param chat the llm service {@code strategy=llm} plans and judges through (null where there is
     *             none: that strategy is then refused)
     */
    public static Outcome run(BacktestRequest req, ProgressListener progress, Function<String, StrategySpec> specsById,
                              Function<LlmRequest, LlmResult> chat) {
        List<Dataset> datasets = datasets(req);
        String name = req.strategy() == null ? Strategies.DEFAULT : req.strategy();
        BacktestConfig config = config(req);
        Strategy strategy = LlmStrategy.NAME.equals(name) ? llm(req, chat, config)
                : name.startsWith(SPEC_ID) ? byId(name.substring(SPEC_ID.length()), specsById)
                : Strategies.create(name, datasets.isEmpty() ? null : datasets.get(0).symbol());
        Prepared p = prepare(datasets, config, strategy, name, req.timeframe());
        DayListener days = strategy instanceof LlmStrategy l ? l : DayListener.NONE;
        BacktestResult result = new BacktestEngine(p.config()).run(p.datasets(), strategy, progress, days);
        Path out = Path.of(req.outDir());
        CompletableFuture<Void> curve = EquityCsv.writeAsync(result.equity(), out.resolve(EquityCsv.FILE));
        Map<String, Object> report = report(result, p, strategy, curve);
        writeReports(report, curve, out);
        if (strategy instanceof LlmStrategy l) {
            BacktestReport.writeJson(l.usage(), out.resolve(LLM_USAGE_FILE));
        }
        return new Outcome(report, result, summary(report, result, out));
    }

    /** The report map, built while the curve is written; a failed build waits for the curve, so no writer outlives the run. */
    private static Map<String, Object> report(BacktestResult result, Prepared p, Strategy strategy, CompletableFuture<Void> curve) {
        try {
            Map<String, Object> report = BacktestReport.build(result, p.config(), p.name());
            if (strategy instanceof LlmStrategy l) {
                report.put("llm", l.reportSection());
            }
            return report;
        } catch (RuntimeException e) {
            curve.exceptionally(x -> null).join();
            throw e;
        }
    }

    /** Model calls, cache hits and requests of an llm run (kept out of report.json, which a cached re-run reproduces). */
    public static final String LLM_USAGE_FILE = "llm-usage.json";

    private static Strategy llm(BacktestRequest req, Function<LlmRequest, LlmResult> chat, BacktestConfig config) {
        if (chat == null) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "strategy llm needs the llm service");
        }
        return new LlmStrategy(req.llm() == null ? LlmOptions.DEFAULTS : req.llm(), chat, config.adjustments());
    }

    /** The data, limits and name a strategy runs with: a spec resamples and tightens, buy-and-hold invests fully. */
    public record Prepared(List<Dataset> datasets, BacktestConfig config, String name) {
    }

    /** What {@link #run} does between loading and the engine; sweeps run their sets through it too. */
    public static Prepared prepare(List<Dataset> datasets, BacktestConfig config, Strategy strategy, String name,
                                   String timeframe) {
        if (strategy instanceof SpecStrategy spec) {
            return new Prepared(forSpec(datasets, spec, timeframe),
                    config.withLimits(spec.spec().riskOverrides().tighten(config.limits()), config.adjustments()), spec.name());
        }
        if (strategy instanceof BuyAndHoldStrategy) {
            return new Prepared(datasets, config.withLimits(BuyAndHoldStrategy.fullInvestment(config.limits()),
                    config.adjustments()), name);
        }
        return new Prepared(datasets, config, name);
    }

    /**
     * report.json is written on another thread while this one renders report.html (both only read the
     * finished report), and the full curve, started when the engine finished, is awaited: a second
     * core shares the work.
     */
    private static void writeReports(Map<String, Object> report, CompletableFuture<Void> curve, Path out) {
        CompletableFuture<Void> json = CompletableFuture.runAsync(() -> BacktestReport.writeJson(report, out.resolve("report.json")));
        try {
            HtmlReport.write(report, out.resolve("report.html"));
        } finally {
            join(json);
            join(curve);
        }
    }

    private static void join(CompletableFuture<Void> task) {
        try {
            task.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Strategy byId(String id, Function<String, StrategySpec> specsById) {
        if (specsById == null) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "spec-id:" + id
                    + " needs the running stack's spec store; on the command line use spec:FILE");
        }
        StrategySpec spec = specsById.apply(id);
        if (spec == null) {
            throw new CodedException(ErrorCode.STRATEGY_SPEC_NOT_FOUND, "no active strategy spec with id '" + id + "'");
        }
        return new SpecStrategy(StrategySpecs.compile(spec));
    }

    /** Bars finer than the spec's timeframe are resampled to it unless --timeframe chose one. */
    static List<Dataset> forSpec(List<Dataset> datasets, SpecStrategy spec, String timeframe) {
        if (timeframe != null) {
            return datasets;
        }
        int want = Timeframes.seconds(spec.spec().timeframe());
        List<Dataset> out = new ArrayList<>();
        for (Dataset d : datasets) {
            boolean finer = d.granularitySec() < want && want % d.granularitySec() == 0;
            out.add(finer && d.symbol().equals(spec.spec().market()) ? Resampler.resample(d, spec.spec().timeframe()) : d);
        }
        return out;
    }

    /** Account, costs and risk limits of a request (defaults, risk file, overrides). */
    public static BacktestConfig config(BacktestRequest req) {
        BacktestConfig d = BacktestConfig.defaults();
        Map<String, Object> overrides = new HashMap<>(req.riskOverrides());
        RiskConfig.Loaded risk = RiskConfig.load(req.riskConfig() == null ? null : Path.of(req.riskConfig()), overrides);
        try {
            return new BacktestConfig(or(req.initialCash(), d.initialCash()), or(req.feeBps(), d.feeBps()),
                    or(req.slippageBps(), d.slippageBps()), risk.limits(), risk.adjustments(), d.minNotional(), d.qtyScale(), risk.caps());
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, e.getMessage());
        }
    }

    /** The request's data files (resampled to its timeframe) or the exchange candles of its pairs. */
    public static List<Dataset> datasets(BacktestRequest req) {
        List<Dataset> out = new ArrayList<>();
        if (!req.data().isEmpty()) {
            if (!req.pairs().isEmpty() && req.pairs().size() != req.data().size()) {
                throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "give one --pair per --data file or none");
            }
            for (int i = 0; i < req.data().size(); i++) {
                Dataset d = DatasetLoader.load(Path.of(req.data().get(i)), req.pairs().isEmpty() ? null : req.pairs().get(i), null);
                out.add(req.timeframe() == null ? d : Resampler.resample(d, req.timeframe()));
            }
            return out;
        }
        if (req.pairs().isEmpty() || req.start() == null || req.end() == null) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "give --data FILE or --pair SYMBOL --start --end");
        }
        String tf = req.timeframe() == null ? "1h" : req.timeframe();
        Path dataDir = Path.of(req.dataDir() == null ? ConfigKey.DATA_DIR.defaultValue() : req.dataDir());
        String url = req.exchangeUrl() == null ? ConfigKey.COINBASE_REST_URL.defaultValue() : req.exchangeUrl();
        try (ExchangeCandles exchange = new ExchangeCandles(url, dataDir)) {
            for (String p : req.pairs()) {
                out.add(exchange.load(p, tf, date(req.start()), date(req.end())));
            }
        }
        return out;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "bad date '" + s + "', expected YYYY-MM-DD");
        }
    }

    @SuppressWarnings("unchecked")
    private static BacktestSummary summary(Map<String, Object> report, BacktestResult r, Path out) {
        Map<String, Object> m = (Map<String, Object>) report.get("metrics");
        return new BacktestSummary((String) report.get("pair"), (String) report.get("timeframe"), r.bars(),
                (Integer) m.get("trades"), (BigDecimal) m.get("final_equity"), (BigDecimal) m.get("total_return"),
                (BigDecimal) m.get("max_drawdown"), Math.round(r.barsPerSecond()),
                out.resolve("report.json").toString(), out.resolve("report.html").toString());
    }

    private static BigDecimal or(BigDecimal v, BigDecimal d) {
        return v == null ? d : v;
    }
}
