package io.tradingstack.bench.backtest;

import io.tradingstack.backtest.BacktestConfig;
import io.tradingstack.backtest.BacktestEngine;
import io.tradingstack.backtest.BacktestResult;
import io.tradingstack.backtest.Dataset;
import io.tradingstack.backtest.DatasetLoader;
import io.tradingstack.backtest.ProgressListener;
import io.tradingstack.bench.BenchResults;
import io.tradingstack.features.Feature;
import io.tradingstack.features.FeatureEngine;
import io.tradingstack.ledger.Portfolio;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Side;
import io.tradingstack.risk.RiskLimits;
import io.tradingstack.strategy.BarView;
import io.tradingstack.strategy.Signal;
import io.tradingstack.strategy.Strategy;
import io.tradingstack.features.SeriesFactory;
import io.tradingstack.model.Candle;
import io.tradingstack.strategy.EmaRsiAtrStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Rule;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.num.Num;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.AbstractRule;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The backtest engine with the reference strategy (EMA12/26 crossover, RSI14 &lt; 70 filter, 2·ATR14
 * stop, next-open execution) on the 1-minute BTC and ETH data, beside ta4j's BarSeriesManager
 * running the same rules with next-open execution and a linear cost on the same bars, in the same
 * JVM. Both sides start from the same in-memory candles: the ta4j side builds its BarSeries and
 * indicators inside the measured call, as the engine builds its feature state inside its run.
 * {@code engineEveryEntry} lifts the daily-loss cap so the engine takes every entry ta4j takes
 * (the default limits block some); {@code featuresOnly} isolates the FeatureEngine's share.
 * Run: mvn -B -o -Pbench -DskipTests test-compile exec:exec -Dbench.main=io.tradingstack.bench.backtest.BacktestBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 10, time = 1)
public class BacktestBench {
    List<Dataset> data;
    List<BarSeries> prebuilt;
    List<Fill> fills;

    @Setup(Level.Trial)
    public void setUp() {
        data = List.of(DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_BTC_USDT-1m.json"), null, null),
                DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_ETH_USDT-1m.json"), null, null));
        prebuilt = data.stream().map(BacktestBench::toSeries).toList();
        fills = engine().fills();
    }

    static BarSeries toSeries(Dataset d) {
        BarSeries s = SeriesFactory.newSeries(d.symbol(), d.candles().size(), SeriesFactory.NumKind.DOUBLE);
        d.candles().forEach(c -> SeriesFactory.append(s, c));
        return s;
    }

    @Benchmark
    public BacktestResult engine() {
        return new BacktestEngine(BacktestConfig.defaults()).run(data, new EmaRsiAtrStrategy(), ProgressListener.NONE);
    }

    /** The engine with a daily-loss cap that never binds: it trades every signal ta4j trades. */
    @Benchmark
    public BacktestResult engineEveryEntry() {
        return new BacktestEngine(everyEntry()).run(data, new EmaRsiAtrStrategy(), ProgressListener.NONE);
    }

    static BacktestConfig everyEntry() {
        BacktestConfig d = BacktestConfig.defaults();
        RiskLimits l = d.limits();
        return d.withLimits(new RiskLimits(l.maxPositionRiskPct(), l.maxSymbolExposurePct(), l.maxPortfolioExposurePct(),
                new BigDecimal("100"), l.maxDailyRiskBudgetPct(), l.maxTradesPerDay(), l.symbolVetoes(),
                l.directionVetoes()), d.adjustments());
    }

    /** From the same in-memory candles: build the series, the indicators and run the rules. */
    @Benchmark
    public int ta4j() {
        int positions = 0;
        for (Dataset d : data) {
            positions += ta4jRun(toSeries(d)).getPositionCount();
        }
        return positions;
    }

    /**
     * For reference only: ta4j on series built before the measurement (what the first version of
     * this benchmark timed). The engine gets no such head start: its feature state is built in its run.
     */
    @Benchmark
    public int ta4jPrebuiltSeries() {
        int positions = 0;
        for (BarSeries s : prebuilt) {
            positions += ta4jRun(s).getPositionCount();
        }
        return positions;
    }

    /**
     * What the engine asks of the FeatureEngine per bar: accept the bar, read four features (the
     * engine keeps only the reference strategy's required features, as the backtest does).
     */
    @Benchmark
    public double featuresOnly() {
        return features(new EmaRsiAtrStrategy().requiredFeatures());
    }

    /** The same with every feature kept current (the live path; what the backtest did before). */
    @Benchmark
    public double featuresAll() {
        return features(Feature.all());
    }

    private double features(Set<Feature> kept) {
        double sink = 0;
        for (Dataset d : data) {
            FeatureEngine f = FeatureEngine.of(d.symbol(), d.timeframe(), 512, kept);
            for (Candle c : d.candles()) {
                f.accept(c);
                double ema = f.ema12();
                sink += Double.isNaN(ema) ? 0 : ema + f.ema26() + f.rsi14() + f.atr14();
            }
        }
        return sink;
    }

    /** The engine with a strategy that reads the features every bar but never trades. */
    @Benchmark
    public BacktestResult engineNoTrades() {
        return new BacktestEngine(BacktestConfig.defaults()).run(data, new Strategy() {
            @Override
            public String name() {
                return "no-trades";
            }

            @Override
            public Set<Feature> requiredFeatures() {
                return new EmaRsiAtrStrategy().requiredFeatures();
            }

            @Override
            public List<Signal> onBar(BarView view) {
                return view.ema12() < 0 ? List.of(Signal.exit("never")) : List.of();
            }
        }, ProgressListener.NONE);
    }

    /** The ledger's share: the fills of one engine run posted to a fresh Portfolio. */
    @Benchmark
    public BigDecimal ledgerOnly() {
        Portfolio p = new Portfolio("USDT", BigDecimal.ZERO);
        p.fund("initial-cash", BacktestConfig.DEFAULT_CASH, Instant.EPOCH);
        for (Fill f : fills) {
            p.apply(f);
        }
        return p.cash();
    }

    /**
     * The reference strategy's rules in ta4j. The stop is the engine's: fixed at entry, at the
     * decision bar's close minus 2·ATR14 of that bar (ta4j's AverageTrueRangeStopLossRule instead
     * trails the prevailing ATR from the entry's net price); with next-open execution the decision
     * bar is the entry index minus one. Cost: fee + slippage (15 bps) per side.
     */
    static TradingRecord ta4jRun(BarSeries s) {
        ClosePriceIndicator close = new ClosePriceIndicator(s);
        EMAIndicator fast = new EMAIndicator(close, 12);
        EMAIndicator slow = new EMAIndicator(close, 26);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        ATRIndicator atr = new ATRIndicator(s, 14);
        Num atrMult = s.numOf(2);
        Rule stop = new AbstractRule() {
            @Override
            public boolean isSatisfied(int index, TradingRecord record) {
                if (record == null || record.isClosed()) {
                    return false;
                }
                int decided = record.getCurrentPosition().getEntry().getIndex() - 1;
                Num level = close.getValue(decided).minus(atr.getValue(decided).multipliedBy(atrMult));
                return close.getValue(index).isLessThan(level);
            }
        };
        Rule entry = new CrossedUpIndicatorRule(fast, slow).and(new UnderIndicatorRule(rsi, 70));
        Rule exit = new CrossedDownIndicatorRule(fast, slow).or(stop);
        return new BarSeriesManager(s, new LinearTransactionCostModel(0.0015), new ZeroCostModel(), new TradeOnNextOpenModel())
                .run(new BaseStrategy("ema-rsi-atr", entry, exit, 26));
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(BacktestBench.class.getName() + "\\.").build()).run();
        BacktestBench probe = new BacktestBench();
        probe.setUp();
        long bars = probe.data.stream().mapToLong(d -> d.candles().size()).sum();
        Map<String, Double> ms = new LinkedHashMap<>();
        Map<String, Double> avg = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String key = name.substring(name.lastIndexOf('.') + 1);
            ms.put(key, r.getPrimaryResult().getStatistics().getMin());
            avg.put(key, r.getPrimaryResult().getScore());
        }
        BacktestResult one = probe.engine();
        BacktestResult every = probe.engineEveryEntry();
        long everyEntries = every.fills().stream().filter(f -> f.side() == Side.BUY).count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("data", "binance_BTC_USDT-1m.json + binance_ETH_USDT-1m.json");
        figures.put("bars_per_run", bars);
        figures.put("engine_ms_per_run", round(ms.get("engine")));
        figures.put("engine_bars_per_s", Math.round(bars / (ms.get("engine") / 1000.0)));
        figures.put("engine_fills_per_run", one.fills().size());
        figures.put("ta4j_ms_per_run", round(ms.get("ta4j")));
        figures.put("ta4j_bars_per_s", Math.round(bars / (ms.get("ta4j") / 1000.0)));
        figures.put("ta4j_positions_per_run", probe.ta4j());
        figures.put("engine_vs_ta4j_speedup", round(ms.get("ta4j") / ms.get("engine")));
        figures.put("ta4j_prebuilt_series_ms_per_run", round(ms.get("ta4jPrebuiltSeries")));
        figures.put("engine_vs_ta4j_prebuilt_series_speedup", round(ms.get("ta4jPrebuiltSeries") / ms.get("engine")));
        figures.put("engine_entry_signals_per_run", one.decisions().stream().filter(d -> d.contains("|long|")).count());
        figures.put("engine_signals_blocked_by_risk", one.limitEnforcement().totalBlocked());
        figures.put("engine_every_entry_ms_per_run", round(ms.get("engineEveryEntry")));
        figures.put("engine_every_entry_fills_per_run", every.fills().size());
        figures.put("engine_every_entry_entries_per_run", everyEntries);
        figures.put("engine_every_entry_vs_ta4j_speedup", round(ms.get("ta4j") / ms.get("engineEveryEntry")));
        figures.put("engine_no_trades_ms_per_run", round(ms.get("engineNoTrades")));
        figures.put("feature_engine_accept_ms_per_run", round(ms.get("featuresOnly")));
        figures.put("feature_engine_all_features_ms_per_run", round(ms.get("featuresAll")));
        figures.put("feature_engine_share_of_engine", round(ms.get("featuresOnly") / ms.get("engine")));
        figures.put("ledger_apply_ms_per_run", round(ms.get("ledgerOnly")));
        figures.put("ledger_share_of_engine", round(ms.get("ledgerOnly") / ms.get("engine")));
        figures.put("ledger_us_per_fill", round(ms.get("ledgerOnly") * 1000.0 / one.fills().size()));
        figures.put("ta4j_side", "BarSeries built from the same candles + EMA/RSI/ATR indicators + BarSeriesManager, "
                + "TradeOnNextOpenModel, stop fixed at entry (same rule as the engine), linear 15 bps cost");
        figures.put("figures_are", "best measured iteration (ms per run); the 2 cores are shared with other jobs, "
                + "so averages are noisy: see *_avg_ms");
        avg.forEach((k, v) -> figures.put(k + "_avg_ms", round(v)));
        figures.put("command", "mvn -B -o -Pbench -DskipTests test-compile exec:exec "
                + "-Dbench.main=io.tradingstack.bench.backtest.BacktestBench");
        BenchResults.write("backtest", figures);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
