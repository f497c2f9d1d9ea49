package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.market.ReplaySeries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The bundled real candles (the market component's recorded 1-minute series) as a backtest data
 * file: the rows of [start, end] written as a candle array [[time_ms, o, h, l, c, v], ...] that the
 * backtest's loader reads like any --data file. Written on the node that runs the worker, under
 * DATA_DIR, because the MCP server and the backtest activity share that directory in this stack.
 */
final class BacktestData {
    private BacktestData() {
    }

    /** Writes the slice and returns its path; a range without rows fails before anything is written. */
    static Path writeBundled(String pair, String start, String end, Path file) {
        if (!ReplaySeries.BUNDLED.contains(pair)) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "no bundled data for " + pair
                    + "; bundled pairs: " + String.join(", ", ReplaySeries.BUNDLED));
        }
        ReplaySeries series = ReplaySeries.load(pair);
        long from = start == null ? Long.MIN_VALUE : day(start).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long to = end == null ? Long.MAX_VALUE : day(end).plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        if (from >= to) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "start must not be after end");
        }
        if (!covers(series, from, to)) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "no bundled " + pair + " candles between "
                    + start + " and " + end + "; the bundled span is "
                    + java.time.Instant.ofEpochSecond(series.time(0)) + " to "
                    + java.time.Instant.ofEpochSecond(series.time(series.size() - 1)));
        }
        boolean first = true;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write('[');
                for (int i = 0; i < series.size(); i++) {
                    long t = series.time(i);
                    if (t < from || t >= to) {
                        continue;
                    }
                    w.write((first ? "" : ",") + "[" + t * 1000 + "," + series.open(i) + "," + series.high(i) + ","
                            + series.low(i) + "," + series.close(i) + "," + series.volume(i) + "]");
                    first = false;
                }
                w.write(']');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static boolean covers(ReplaySeries series, long from, long to) {
        for (int i = 0; i < series.size(); i++) {
            if (series.time(i) >= from && series.time(i) < to) {
                return true;
            }
        }
        return false;
    }

    static LocalDate day(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, "bad date '" + s + "', expected YYYY-MM-DD");
        }
    }
}
