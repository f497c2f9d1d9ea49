package io.tradingstack.backtest;

import io.tradingstack.model.Candle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented data policy: sort ascending, keep the first row of a duplicated timestamp (file
 * order), drop rows that violate OHLC rules, keep zero-volume bars, report gaps without filling them.
 */
final class DataPolicy {
    private DataPolicy() {
    }

    static Dataset apply(String symbol, String timeframe, Rows rows, DataIssues issues, String source) {
        countOrder(rows, issues);
        int[] order = ascending(rows, issues);
        int granularity = timeframe != null ? Timeframes.seconds(timeframe) : inferGranularity(rows, order);
        List<Candle> candles = new ArrayList<>(order.length);
        long previous = Long.MIN_VALUE;
        for (int r : order) {
            long t = rows.time(r);
            if (t == previous) {
                issues.duplicateTimestamps++;
                issues.example(issues.duplicateExamples, Instant.ofEpochSecond(t) + " (line " + rows.line(r) + ")");
                continue;
            }
            Candle c = candle(symbol, granularity, rows, r, issues);
            if (c == null) {
                continue;
            }
            if (previous != Long.MIN_VALUE && t - previous > granularity) {
                long missing = (t - previous) / granularity - 1;
                issues.gaps++;
                issues.missingBars += Math.max(missing, 0);
                issues.example(issues.gapExamples, Instant.ofEpochSecond(previous + granularity) + " .. "
                        + Instant.ofEpochSecond(t) + " (" + missing + " bars)");
            }
            if (c.volume() == 0.0) {
                issues.zeroVolumeBars++;
            }
            candles.add(c);
            previous = t;
        }
        return new Dataset(symbol, Timeframes.label(granularity), granularity, candles, issues, source);
    }

    /** Row indices by ascending time, file order among equal times (a stable sort; none when already sorted). */
    private static int[] ascending(Rows rows, DataIssues issues) {
        int n = rows.size();
        if (!issues.newestFirst && issues.unsortedRows == 0) {
            int[] order = new int[n];
            Arrays.setAll(order, i -> i);
            return order;
        }
        Integer[] boxed = new Integer[n];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparingLong(rows::time));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    private static Candle candle(String symbol, int granularity, Rows rows, int r, DataIssues issues) {
        try {
            return new Candle(symbol, granularity, Instant.ofEpochSecond(rows.time(r)), rows.open(r), rows.high(r),
                    rows.low(r), rows.close(r), rows.volume(r));
        } catch (IllegalArgumentException e) {
            issues.invalidRows++;
            issues.example(issues.invalidExamples, "line " + rows.line(r) + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Rows out of order: against the file's main direction (a file that mostly descends is newest
     * first, and then its ascending steps are the unsorted ones).
     */
    private static void countOrder(Rows rows, DataIssues issues) {
        long down = 0;
        long up = 0;
        for (int i = 1; i < rows.size(); i++) {
            long step = rows.time(i) - rows.time(i - 1);
            if (step < 0) {
                down++;
            } else if (step > 0) {
                up++;
            }
        }
        issues.newestFirst = down > up;
        issues.unsortedRows = issues.newestFirst ? up : down;
    }

    /** The most common positive step between timestamps (ties: the smallest). */
    private static int inferGranularity(Rows rows, int[] order) {
        Map<Long, int[]> counts = new HashMap<>();
        long lastStep = 0;
        int[] lastCount = null;
        for (int i = 1; i < order.length; i++) {
            long d = rows.time(order[i]) - rows.time(order[i - 1]);
            if (d > 0) {
                if (d != lastStep) {
                    lastStep = d;
                    lastCount = counts.computeIfAbsent(d, k -> new int[1]);
                }
                lastCount[0]++;
            }
        }
        long best = 60;
        int bestCount = -1;
        for (Map.Entry<Long, int[]> e : counts.entrySet()) {
            int count = e.getValue()[0];
            if (count > bestCount || (count == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = count;
            }
        }
        return (int) best;
    }
}
