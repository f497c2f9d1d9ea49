package io.tradingstack.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads candle files: generic CSV ({@code timestamp,open,high,low,close,volume}; epoch seconds,
 * epoch milliseconds or ISO-8601), CryptoDataDownload CSV (banner line, newest first) and freqtrade
 * JSON ({@code [[ms,o,h,l,c,v],...]}), each optionally gzip-compressed ({@code .gz}), streamed (a CSV
 * is never held whole in memory). Anything else is refused with BACKTEST_BAD_DATA; a damaged row is
 * dropped and reported, never a crash.
 */
public final class DatasetLoader {
    private static final int BLOCK = 1 << 16;

    private DatasetLoader() {
    }

    /**
     * @param symbol    symbol to use, or null to take it from the file (column or file name)
     * @param timeframe timeframe to use, or null to infer it from the timestamps
     */
    public static Dataset load(Path file, String symbol, String timeframe) {
        Parsed parsed = parse(file);
        String sym = symbol != null ? symbol : parsed.symbol() != null ? parsed.symbol() : Symbols.fromFileName(file);
        return DataPolicy.apply(sym, timeframe, parsed.rows(), parsed.issues(), file.getFileName().toString().replaceFirst("\\.gz$", ""));
    }

    /** Rows of one file with the symbol the file names, if any. */
    record Parsed(Rows rows, String symbol, DataIssues issues) {
    }

    /** Streams the file (gzip when named .gz) into the CSV or JSON parser, by its first non-blank byte. */
    private static Parsed parse(Path file) {
        boolean gz = file.getFileName().toString().endsWith(".gz");
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = new BufferedInputStream(gz ? new GZIPInputStream(raw, BLOCK) : raw, BLOCK)) {
            in.mark(BLOCK);
            int b = in.read();
            while (b >= 0 && Character.isWhitespace(b)) {
                b = in.read();
            }
            in.reset();
            return b == '[' || b == '{' ? parseJson(file, in) : CsvRows.parse(file, in, gz ? 0 : Files.size(file));
        } catch (JsonProcessingException e) {
            throw bad(file, "not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_DATA, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Parsed parseJson(Path file, InputStream text) throws IOException {
        JsonNode root = Json.MAPPER.readTree(text);
        if (root == null || root.isMissingNode()) {
            throw bad(file, "not valid JSON: no content");
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

    static String lower(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }
}
