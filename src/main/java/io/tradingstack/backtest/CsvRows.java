package io.tradingstack.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CSV parsing for the generic header and the CryptoDataDownload layout (banner, then header). */
final class CsvRows {
    private CsvRows() {
    }

    static DatasetLoader.Parsed parse(Path file, String text) {
        String[] lines = text.split("\r?\n");
        int headerAt = findHeader(lines);
        if (headerAt < 0) {
            throw DatasetLoader.bad(file, "no CSV header with timestamp,open,high,low,close,volume"
                    + " (or CryptoDataDownload 'Unix Timestamp,...,Open,High,Low,Close,Volume ...')");
        }
        Columns cols = Columns.of(lines[headerAt].split(","));
        DataIssues issues = new DataIssues();
        List<RawRow> rows = new ArrayList<>(lines.length);
        String symbol = null;
        for (int i = headerAt + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            issues.rowsRead++;
            String[] f = lines[i].split(",");
            try {
                rows.add(new RawRow(Timestamps.epochSecond(f[cols.time]), num(f[cols.open]), num(f[cols.high]),
                        num(f[cols.low]), num(f[cols.close]), num(f[cols.volume]), i + 1L));
                if (symbol == null && cols.symbol >= 0) {
                    symbol = Symbols.normalize(f[cols.symbol]);
                }
            } catch (RuntimeException e) {
                issues.invalidRows++;
                issues.example(issues.invalidExamples, "line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new DatasetLoader.Parsed(rows, symbol, issues);
    }

    private static int findHeader(String[] lines) {
        for (int i = 0; i < Math.min(lines.length, 3); i++) {
            Columns c = Columns.of(lines[i].split(","));
            if (c.complete()) {
                return i;
            }
        }
        return -1;
    }

    private static double num(String s) {
        return Double.parseDouble(s.trim());
    }

    /** Column positions; the first volume column is the base-currency volume. */
    private static final class Columns {
        int time = -1;
        int open = -1;
        int high = -1;
        int low = -1;
        int close = -1;
        int volume = -1;
        int symbol = -1;

        static Columns of(String[] header) {
            Columns c = new Columns();
            for (int i = 0; i < header.length; i++) {
                String h = DatasetLoader.lower(header[i]);
                if (c.time < 0 && (h.equals("timestamp") || h.equals("unix timestamp") || h.equals("unix") || h.equals("time"))) {
                    c.time = i;
                } else if (h.equals("open")) {
                    c.open = i;
                } else if (h.equals("high")) {
                    c.high = i;
                } else if (h.equals("low")) {
                    c.low = i;
                } else if (h.equals("close")) {
                    c.close = i;
                } else if (c.volume < 0 && h.startsWith("volume")) {
                    c.volume = i;
                } else if (h.equals("symbol")) {
                    c.symbol = i;
                }
            }
            return c;
        }

        boolean complete() {
            return time >= 0 && open >= 0 && high >= 0 && low >= 0 && close >= 0 && volume >= 0;
        }
    }
}
