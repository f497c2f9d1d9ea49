package io.tradingstack.backtest;

import java.nio.file.Path;

/**
 * CSV parsing for the generic header and the CryptoDataDownload layout (banner, then header),
 * straight from the file's bytes: fields are located by their commas and numbers parsed in place
 * ({@link Numbers}), so a row costs no String, no split and no regular expression.
 */
final class CsvRows {
    private static final int HEADER_LINES = 3;

    private CsvRows() {
    }

    static DatasetLoader.Parsed parse(Path file, byte[] text) {
        Lines lines = new Lines(text);
        Columns cols = null;
        for (int i = 0; i < HEADER_LINES && lines.next(); i++) {
            Columns c = Columns.of(Numbers.text(text, lines.start, lines.end).split(","));
            if (c.complete()) {
                cols = c;
                break;
            }
        }
        if (cols == null) {
            throw DatasetLoader.bad(file, "no CSV header with timestamp,open,high,low,close,volume"
                    + " (or CryptoDataDownload 'Unix Timestamp,...,Open,High,Low,Close,Volume ...')");
        }
        DataIssues issues = new DataIssues();
        Rows rows = new Rows(text.length / 40);
        int[] fields = new int[2 * (cols.width() + 1)];
        String symbol = null;
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            issues.rowsRead++;
            try {
                int found = split(text, lines.start, lines.end, fields);
                if (found <= cols.max()) {
                    throw new IllegalArgumentException("expected at least " + (cols.max() + 1) + " columns, found " + found);
                }
                rows.add(Numbers.epochSecond(text, fields[2 * cols.time], fields[2 * cols.time + 1]),
                        num(text, fields, cols.open), num(text, fields, cols.high), num(text, fields, cols.low),
                        num(text, fields, cols.close), num(text, fields, cols.volume), lines.number);
                if (symbol == null && cols.symbol >= 0 && cols.symbol < found) {
                    symbol = Symbols.normalize(Numbers.text(text, fields[2 * cols.symbol], fields[2 * cols.symbol + 1]));
                }
            } catch (RuntimeException e) {
                issues.invalidRows++;
                issues.example(issues.invalidExamples, "line " + lines.number + ": " + e.getMessage());
            }
        }
        return new DatasetLoader.Parsed(rows, symbol, issues);
    }

    private static double num(byte[] text, int[] fields, int column) {
        return Numbers.parseDouble(text, fields[2 * column], fields[2 * column + 1]);
    }

    /** Start and end offsets of the line's fields into {@code out} (as many as fit); returns the field count. */
    private static int split(byte[] b, int from, int to, int[] out) {
        int n = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == ',') {
                if (2 * n + 1 < out.length) {
                    out[2 * n] = start;
                    out[2 * n + 1] = i;
                }
                n++;
                start = i + 1;
            }
        }
        return n;
    }

    /** Walks the lines of the text; {@code end} excludes the line break ({@code \n} or {@code \r\n}). */
    private static final class Lines {
        private final byte[] b;
        private int next;
        int start;
        int end;
        long number;

        Lines(byte[] b) {
            this.b = b;
        }

        boolean next() {
            if (next >= b.length) {
                return false;
            }
            start = next;
            int i = start;
            while (i < b.length && b[i] != '\n') {
                i++;
            }
            next = i + 1;
            end = i > start && b[i - 1] == '\r' ? i - 1 : i;
            number++;
            return true;
        }

        boolean blank() {
            for (int i = start; i < end; i++) {
                if (b[i] > ' ') {
                    return false;
                }
            }
            return true;
        }
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

        /** The highest price/time column a row needs. */
        int max() {
            return Math.max(time, Math.max(Math.max(open, high), Math.max(Math.max(low, close), volume)));
        }

        /** Columns to locate: the needed ones and the symbol. */
        int width() {
            return Math.max(max(), symbol) + 1;
        }
    }
}
