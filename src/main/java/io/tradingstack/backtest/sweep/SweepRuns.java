package io.tradingstack.backtest.sweep;

import io.tradingstack.backtest.BacktestConfig;
import io.tradingstack.backtest.BacktestEngine;
import io.tradingstack.backtest.BacktestRequest;
import io.tradingstack.backtest.BacktestResult;
import io.tradingstack.backtest.BacktestRunner;
import io.tradingstack.backtest.Dataset;
import io.tradingstack.backtest.Metrics;
import io.tradingstack.backtest.ProgressListener;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Candle;
import io.tradingstack.strategy.Strategy;

import io.tradingstack.backtest.BacktestLauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the parameter sets of a batch with the backtest engine and keeps each run's figures (no
 * report files: a sweep keeps only its table). The data of a sweep is parsed once per worker and
 * kept for the next batches (a few data sets at most).
 */
public final class SweepRuns {
    private static final int CACHED = 4;
    private final String worker;
    private final Map<List<String>, List<Dataset>> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, List<Dataset>> eldest) {
            return size() > CACHED;
        }
    };

    /** @param worker the identity recorded on every run (the worker's pid@host) */
    public SweepRuns(String worker) {
        this.worker = worker;
    }

    public List<RunResult> run(SweepBatch batch) {
        return run(batch, ProgressListener.NONE);
    }

    /** @param progress told the engine's progress of each run (the activity heartbeats with it) */
    public List<RunResult> run(SweepBatch batch, ProgressListener progress) {
        List<Dataset> data = data(batch.base());
        if (batch.window() != null) {
            boolean test = SweepBatch.TEST.equals(batch.phase());
            data = slice(data, test ? batch.window().testFrom() : batch.window().trainFrom(),
                    test ? batch.window().testTo() : batch.window().trainTo());
        }
        List<RunResult> out = new ArrayList<>();
        for (ParameterSet set : batch.sets()) {
            out.add(run(batch, data, set, progress));
        }
        return out;
    }

    /** The first candle's open and the last candle's close over every series, in epoch seconds. */
    public long[] span(SweepBase base) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Dataset d : data(base)) {
            if (!d.candles().isEmpty()) {
                from = Math.min(from, d.candles().get(0).start().getEpochSecond());
                to = Math.max(to, d.candles().get(d.candles().size() - 1).start().getEpochSecond() + d.granularitySec());
            }
        }
        if (from == Long.MAX_VALUE) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_DATA, "no candles in " + base.data());
        }
        return new long[] {from, to};
    }

    private RunResult run(SweepBatch batch, List<Dataset> data, ParameterSet set, ProgressListener progress) {
        long started = System.nanoTime();
        BacktestRequest request = SweepParameters.request(batch.base(), set);
        Strategy strategy = SweepParameters.strategy(batch.base(), set);
        BacktestRunner.Prepared p = BacktestRunner.prepare(data, BacktestRunner.config(request), strategy,
                strategy.name(), batch.base().timeframe());
        BacktestResult result = new BacktestEngine(p.config()).run(p.datasets(), strategy, progress);
        Map<String, BigDecimal> metrics = figures(Metrics.compute(result, p.config().initialCash()));
        int window = batch.window() == null ? -1 : batch.window().index();
        return new RunResult(batch.phase(), window, set.index(), set.values(), metrics, result.bars(), worker,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Map<String, BigDecimal> figures(Map<String, Object> metrics) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String name : Ranking.METRICS) {
            Object v = metrics.get(name);
            out.put(name, v == null ? null : v instanceof BigDecimal b ? b : new BigDecimal(v.toString()));
        }
        return out;
    }

    private List<Dataset> data(SweepBase base) {
        List<String> key = SweepParameters.dataKey(base);
        synchronized (cache) {
            List<Dataset> cached = cache.get(key);
            if (cached == null) {
                SweepBase files = base.bundled() ? fromBundled(base) : base;
                cached = BacktestRunner.datasets(SweepParameters.request(files, new ParameterSet(0, Map.of())));
                cache.put(key, cached);
            }
            return cached;
        }
    }

    /** The base over this node's own cut of the bundled candles (a file per pair in a temporary directory). */
    private static SweepBase fromBundled(SweepBase base) {
        try {
            Path dir = Files.createTempDirectory("ts-sweep-bundled-");
            dir.toFile().deleteOnExit();
            List<String> files = new ArrayList<>();
            for (String pair : base.pairs()) {
                Path file = BacktestLauncher.bundledSlice(pair, base.bundledFrom(), base.bundledTo(), dir.resolve(pair + "-1m.json"));
                file.toFile().deleteOnExit();
                files.add(file.toString());
            }
            return new SweepBase(files, base.pairs(), base.timeframe(), base.strategy(), base.initialCash(), base.feeBps(),
                    base.slippageBps());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the bundled candles", e);
        }
    }

    /** The candles opening in [from, to) of every series. */
    static List<Dataset> slice(List<Dataset> data, long from, long to) {
        List<Dataset> out = new ArrayList<>();
        for (Dataset d : data) {
            List<Candle> in = d.candles().stream().filter(c -> {
                long t = c.start().getEpochSecond();
                return t >= from && t < to;
            }).toList();
            out.add(new Dataset(d.symbol(), d.timeframe(), d.granularitySec(), in, d.issues(), d.source()));
        }
        return out;
    }

    /** The identity recorded on the runs. */
    public String worker() {
        return worker;
    }
}
