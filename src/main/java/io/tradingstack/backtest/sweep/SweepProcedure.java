package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The steps of a sweep, whoever runs the batches: all sets on the whole data (grid), or all sets
 * on every training span, then each window's best set on its test span (walk-forward). Pure and
 * deterministic, so the workflow uses it as is and the CLI runs the same steps in one process.
 */
public final class SweepProcedure {
    /** Runs batches (in parallel, anywhere) and answers their results in batch order. */
    @FunctionalInterface
    public interface Runner {
        List<List<RunResult>> run(List<SweepBatch> batches);
    }

    private SweepProcedure() {
    }

    /** @param span the data's [from, to) in epoch seconds, asked only for walk-forward */
    public static SweepResult run(SweepRequest req, java.util.function.Supplier<long[]> span, Runner runner) {
        return run(req, span, runner, Integer.MAX_VALUE);
    }

    /** As {@link #run(SweepRequest, java.util.function.Supplier, Runner)} refusing more than {@code maxRuns} runs before any runs. */
    public static SweepResult run(SweepRequest req, java.util.function.Supplier<long[]> span, Runner runner, int maxRuns) {
        if (req.walkForward() == null) {
            requireAtMost(req.sets().size(), maxRuns);
            List<RunResult> runs = flat(runner.run(batches(req, SweepBatch.GRID, null, req.sets())));
            return new SweepResult(req.metric(), runs.size(), Ranking.rank(runs, req.metric()), List.of(), null, byWorker(runs));
        }
        long[] fromTo = span.get();
        List<Window> windows = req.walkForward().windows(fromTo[0], fromTo[1]);
        if (windows.isEmpty()) {
            throw new CodedException(ErrorCode.SWEEP_NO_WINDOW, "walk-forward " + req.walkForward().describe()
                    + " needs more data than the " + (fromTo[1] - fromTo[0]) / 3600 + " hours given");
        }
        requireAtMost((long) windows.size() * (req.sets().size() + 1), maxRuns);
        List<SweepBatch> train = new ArrayList<>();
        windows.forEach(w -> train.addAll(batches(req, SweepBatch.TRAIN, w, req.sets())));
        List<RunResult> trained = flat(runner.run(train));
        List<RunResult> ranked = new ArrayList<>();
        List<RunResult> best = new ArrayList<>();
        List<SweepBatch> tests = new ArrayList<>();
        for (Window w : windows) {
            List<RunResult> mine = Ranking.rank(trained.stream().filter(r -> r.window() == w.index()).toList(), req.metric());
            ranked.addAll(mine);
            best.add(mine.get(0));
            tests.add(new SweepBatch(SweepBatch.TEST, w, req.base(), List.of(mine.get(0).set())));
        }
        List<RunResult> tested = flat(runner.run(tests));
        List<WindowResult> results = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            RunResult b = best.get(i);
            results.add(new WindowResult(windows.get(i), b.index(), b.params(), b.metric(req.metric()), tested.get(i)));
        }
        List<RunResult> all = new ArrayList<>(trained);
        all.addAll(tested);
        return new SweepResult(req.metric(), all.size(), ranked, results, compounded(tested), byWorker(all));
    }

    private static void requireAtMost(long runs, int maxRuns) {
        if (runs > maxRuns) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "the sweep needs " + runs + " runs; a durable sweep keeps "
                    + "every run's figures in its result, so at most " + maxRuns + " (fewer sets or windows, or run it with "
                    + "backtest sweep on the command line)");
        }
    }

    /** The sets of one phase and window cut into batches of the request's size. */
    static List<SweepBatch> batches(SweepRequest req, String phase, Window window, List<ParameterSet> sets) {
        List<SweepBatch> out = new ArrayList<>();
        for (int i = 0; i < sets.size(); i += req.batchSize()) {
            out.add(new SweepBatch(phase, window, req.base(), sets.subList(i, Math.min(sets.size(), i + req.batchSize()))));
        }
        return out;
    }

    /** Π(1 + r) − 1 over the test spans' total returns, one after the other. */
    static BigDecimal compounded(List<RunResult> tests) {
        BigDecimal growth = BigDecimal.ONE;
        for (RunResult r : tests) {
            growth = growth.multiply(BigDecimal.ONE.add(r.metric("total_return")), MathContext.DECIMAL64);
        }
        return growth.subtract(BigDecimal.ONE).setScale(8, RoundingMode.HALF_EVEN);
    }

    private static List<RunResult> flat(List<List<RunResult>> batches) {
        List<RunResult> out = new ArrayList<>();
        batches.forEach(out::addAll);
        return out;
    }

    /** Runs per worker identity, sorted by identity. */
    static Map<String, Integer> byWorker(List<RunResult> runs) {
        Map<String, Integer> out = new TreeMap<>(Comparator.naturalOrder());
        runs.forEach(r -> out.merge(r.worker(), 1, Integer::sum));
        return out;
    }
}
