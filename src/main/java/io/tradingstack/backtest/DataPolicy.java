package io.tradingstack.backtest;

import io.tradingstack.model.Candle;

import java.time.Instant;
import java.util.ArrayList;
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

    static Dataset apply(String symbol, String timeframe, List<RawRow> rows, DataIssues issues, String source) {
        countOrder(rows, issues);
        List<RawRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(RawRow::epochSecond));
        int granularity = timeframe != null ? Timeframes.seconds(timeframe) : inferGranularity(sorted);
        List<Candle> candles = new ArrayList<>(sorted.size());
        long previous = Long.MIN_VALUE;
        for (RawRow r : sorted) {
            if (r.epochSecond() == previous) {
                issues.duplicateTimestamps++;
                issues.example(issues.duplicateExamples, Instant.ofEpochSecond(r.epochSecond()) + " (line " + r.line() + ")");
                continue;
            }
            Candle c = candle(symbol, granularity, r, issues);
            if (c == null) {
                continue;
            }
            if (previous != Long.MIN_VALUE && r.epochSecond() - previous > granularity) {
                long missing = (r.epochSecond() - previous) / granularity - 1;
                issues.gaps++;
                issues.missingBars += Math.max(missing, 0);
                issues.example(issues.gapExamples, Instant.ofEpochSecond(previous + granularity) + " .. "
                        + Instant.ofEpochSecond(r.epochSecond()) + " (" + missing + " bars)");
            }
            if (c.volume() == 0.0) {
                issues.zeroVolumeBars++;
            }
            candles.add(c);
            previous = r.epochSecond();
        }
        return new Dataset(symbol, Timeframes.label(granularity), granularity, candles, issues, source);
    }

    private static Candle candle(String symbol, int granularity, RawRow r, DataIssues issues) {
        try {
            return new Candle(symbol, granularity, Instant.ofEpochSecond(r.epochSecond()), r.open(), r.high(), r.low(),
                    r.close(), r.volume());
        } catch (IllegalArgumentException e) {
            issues.invalidRows++;
            issues.example(issues.invalidExamples, "line " + r.line() + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Rows out of order: against the file's main direction (a file that mostly descends is newest
     * first, and then its ascending steps are the unsorted ones).
     */
    private static void countOrder(List<RawRow> rows, DataIssues issues) {
        long down = 0;
        long up = 0;
        for (int i = 1; i < rows.size(); i++) {
            long step = rows.get(i).epochSecond() - rows.get(i - 1).epochSecond();
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
    private static int inferGranularity(List<RawRow> sorted) {
        Map<Long, Integer> counts = new HashMap<>();
        for (int i = 1; i < sorted.size(); i++) {
            long d = sorted.get(i).epochSecond() - sorted.get(i - 1).epochSecond();
            if (d > 0) {
                counts.merge(d, 1, Integer::sum);
            }
        }
        long best = 60;
        int bestCount = -1;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return (int) best;
    }
}
