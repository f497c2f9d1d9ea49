package io.tradingstack.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads candle files: generic CSV ({@code timestamp,open,high,low,close,volume}; epoch seconds,
 * epoch milliseconds or ISO-8601), CryptoDataDownload CSV (banner line, newest first) and freqtrade
 * JSON ({@code [[ms,o,h,l,c,v],...]}), each optionally gzip-compressed ({@code .gz}). Anything else is refused with BACKTEST_BAD_DATA; a damaged
 * row is dropped and reported, never a crash.
 */
public final class DatasetLoader {
    private DatasetLoader() {
    }

    /**
     * @param symbol    symbol to use, or null to take it from the file (column or file name)
     * @param timeframe timeframe to use, or null to infer it from the timestamps
     */
    public static Dataset load(Path file, String symbol, String timeframe) {
        byte[] text = read(file);
        int first = 0;
        while (first < text.length && Character.isWhitespace(text[first])) {
            first++;
        }
        Parsed parsed = first < text.length && (text[first] == '[' || text[first] == '{')
                ? parseJson(file, text) : CsvRows.parse(file, text);
        String sym = symbol != null ? symbol : parsed.symbol() != null ? parsed.symbol() : Symbols.fromFileName(file);
        return DataPolicy.apply(sym, timeframe, parsed.rows(), parsed.issues(), file.getFileName().toString().replaceFirst("\\.gz$", ""));
    }

    /** Rows of one file with the symbol the file names, if any. */
    record Parsed(Rows rows, String symbol, DataIssues issues) {
    }

    private static Parsed parseJson(Path file, byte[] text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw bad(file, "not valid JSON: " + e.getMessage());
        }
        if (!root.isArray() || root.isEmpty() || !root.get(0).isArray()) {
            throw bad(file, "JSON is not a candle array [[time_ms, open, high, low, close, volume], ...]"
                    + (root.isArray() && !root.isEmpty() && root.get(0).isObject() ? " (it holds objects, e.g. trades)" : ""));
        }
        DataIssues issues = new DataIssues();
        Rows rows = new Rows(root.size());
        long line = 0;
        for (JsonNode r : root) {
            line++;
            issues.rowsRead++;
            if (!r.isArray() || r.size() < 6) {
                issues.invalidRows++;
                issues.example(issues.invalidExamples, "row " + line + ": expected 6 numbers");
                continue;
            }
            rows.add(Timestamps.epochSecond(r.get(0).asText()), r.get(1).asDouble(), r.get(2).asDouble(),
                    r.get(3).asDouble(), r.get(4).asDouble(), r.get(5).asDouble(), line);
        }
        return new Parsed(rows, null, issues);
    }

    static CodedException bad(Path file, String why) {
        return new CodedException(ErrorCode.BACKTEST_BAD_DATA, file.getFileName() + ": " + why);
    }

    private static byte[] read(Path file) {
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_DATA, "cannot read " + file + ": " + e.getMessage());
        }
    }

    static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
