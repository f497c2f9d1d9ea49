package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A checked sweep: the shared base, each parameter's values, the search (every combination, or
 * {@code samples} of them drawn with {@code seed}), the metric runs are ranked by, and optional
 * walk-forward windows. Read from a file by {@link GridFile}; every check fails with SWEEP_BAD_GRID
 * before anything runs.
 */
public record SweepGrid(SweepBase base, Map<String, List<BigDecimal>> parameters, String search, long seed,
                        int samples, String metric, WalkForward walkForward, int batchSize) {
    public static final String GRID = "grid";
    public static final String RANDOM = "random";
    /** Most runs one sweep may ask for (per window): beyond it a grid is a mistake, not a plan. */
    public static final int MAX_RUNS = 100_000;
    public static final int MAX_BATCH = 100;

    public SweepGrid {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        search = search == null ? GRID : search;
        metric = metric == null ? Ranking.DEFAULT_METRIC : metric;
        batchSize = batchSize <= 0 ? 1 : batchSize;
        require(base != null && (!base.data().isEmpty() || base.bundled()), "a sweep needs \"data\": one or more candle files");
        require(!parameters.isEmpty(), "a sweep needs \"parameters\": at least one name with its values");
        require(GRID.equals(search) || RANDOM.equals(search), "search must be grid or random, not '" + search + "'");
        require(!RANDOM.equals(search) || samples > 0, "random search needs \"samples\" > 0");
        require(batchSize <= MAX_BATCH, "batch_size must be between 1 and " + MAX_BATCH);
        Ranking.check(metric);
        parameters.forEach((name, values) -> {
            require(!values.isEmpty(), "parameter " + name + " has no value");
            require(values.stream().distinct().count() == values.size(), "parameter " + name + " repeats a value");
            values.forEach(v -> SweepParameters.check(base.strategy(), name, v));
        });
        require(combinations(parameters) <= MAX_RUNS || RANDOM.equals(search) && samples <= MAX_RUNS,
                "the grid has " + combinations(parameters) + " combinations; at most " + MAX_RUNS
                        + " (or use search random with samples)");
    }

    /** The grid's combinations, or the seeded sample of them (same seed, same sets, in grid order). */
    public List<ParameterSet> expand() {
        long all = combinations(parameters);
        if (GRID.equals(search) || samples >= all) {
            List<ParameterSet> out = new ArrayList<>();
            for (long i = 0; i < all; i++) {
                out.add(set(out.size(), i));
            }
            return out;
        }
        List<ParameterSet> out = new ArrayList<>();
        for (long i : sample(all, samples, seed)) {
            out.add(set(out.size(), i));
        }
        return out;
    }

    /** How many sets {@link #expand} gives. */
    public long size() {
        long all = combinations(parameters);
        return GRID.equals(search) ? all : Math.min(all, samples);
    }

    /** Floyd's algorithm: {@code k} distinct numbers of [0, n), sorted; deterministic for a seed. */
    static long[] sample(long n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.TreeSet<Long> chosen = new java.util.TreeSet<>();
        for (long j = n - k; j < n; j++) {
            long t = random.nextLong(j + 1);
            chosen.add(chosen.contains(t) ? j : t);
        }
        return chosen.stream().mapToLong(Long::longValue).toArray();
    }

    /** The combination number {@code i} in mixed radix, the last parameter varying fastest. */
    private ParameterSet set(int index, long i) {
        Map<String, BigDecimal> values = new TreeMap<>();
        List<String> names = new ArrayList<>(parameters.keySet());
        long rest = i;
        for (int p = names.size() - 1; p >= 0; p--) {
            List<BigDecimal> v = parameters.get(names.get(p));
            values.put(names.get(p), v.get((int) (rest % v.size())));
            rest /= v.size();
        }
        return new ParameterSet(index, values);
    }

    static long combinations(Map<String, List<BigDecimal>> parameters) {
        long n = 1;
        for (List<BigDecimal> v : parameters.values()) {
            n = Math.multiplyHigh(n, v.size()) != 0 ? Long.MAX_VALUE : Math.min(Long.MAX_VALUE / 2, n * v.size());
        }
        return n;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, message);
        }
    }
}
