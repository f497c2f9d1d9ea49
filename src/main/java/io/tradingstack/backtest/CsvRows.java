package io.tradingstack.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CSV parsing for the generic header and the CryptoDataDownload layout (banner, then header),
 * streamed from the file through one reused buffer: fields are located by their commas and numbers
 * parsed in place ({@link Numbers}), so a row costs no String, no split and no regular expression,
 * and the file is never held in memory whole.
 */
final class CsvRows {
    private static final int HEADER_LINES = 3;

    private CsvRows() {
    }

    /** @param sizeHint expected bytes (0 when unknown), to size the columns once */
    static DatasetLoader.Parsed parse(Path file, InputStream in, long sizeHint) throws IOException {
        Lines lines = new Lines(in);
        Columns cols = null;
        for (int i = 0; i < HEADER_LINES && lines.next(); i++) {
            Columns c = Columns.of(lines.text(lines.start, lines.end).split(","));
            if (c.complete()) {
                cols = c;
                break;
            }
        }
        if (cols == null) {
            throw DatasetLoader.bad(file, "no CSV header with timestamp,open,high,low,close,volume"
                    + " (or CryptoDataDownload 'Unix Timestamp,...,Open,High,Low,Close,Volume ...')");
        }
        return rows(lines, cols, sizeHint);
    }

    private static DatasetLoader.Parsed rows(Lines lines, Columns cols, long sizeHint) throws IOException {
        DataIssues issues = new DataIssues();
        Rows rows = new Rows((int) Math.min(Integer.MAX_VALUE / 8, sizeHint / 40));
        int[] fields = new int[2 * (cols.width() + 1)];
        lines.commasOf(cols.width() + 1);
        String symbol = null;
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            issues.rowsRead++;
            byte[] b = lines.buf;
            try {
                int found = lines.fields(fields);
                if (found <= cols.max()) {
                    throw new IllegalArgumentException("expected at least " + (cols.max() + 1) + " columns, found " + found);
                }
                rows.add(Numbers.epochSecond(b, fields[2 * cols.time], fields[2 * cols.time + 1]),
                        num(b, fields, cols.open), num(b, fields, cols.high), num(b, fields, cols.low),
                        num(b, fields, cols.close), num(b, fields, cols.volume), lines.number);
                if (symbol == null && cols.symbol >= 0 && cols.symbol < found) {
                    symbol = Symbols.normalize(lines.text(fields[2 * cols.symbol], fields[2 * cols.symbol + 1]));
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

    /**
     * The lines of a stream, read in blocks into one buffer (grown only for a line longer than it);
     * {@code buf[start, end)} is the current line without its break ({@code \n} or {@code \r\n}).
     * Once {@link #commasOf} is set, the scan for the line break also notes where the line's first
     * commas are, so a row's bytes are read once to find both.
     */
    private static final class Lines {
        private static final int BLOCK = 1 << 16;
        private final InputStream in;
        byte[] buf = new byte[BLOCK];
        private int filled;
        private int next;
        private boolean eof;
        int start;
        int end;
        long number;
        private int[] commas = new int[0];
        private int commaCount;

        Lines(InputStream in) {
            this.in = in;
        }

        /** From now on, note the positions of each line's first {@code n} commas. */
        void commasOf(int n) {
            commas = new int[n];
        }

        boolean next() throws IOException {
            int i = next;
            int count = 0;
            int[] at = commas;
            while (true) {
                while (i < filled) {
                    byte c = buf[i];
                    if (c == '\n') {
                        break;
                    }
                    if (c == ',') {
                        if (count < at.length) {
                            at[count] = i;
                        }
                        count++;
                    }
                    i++;
                }
                if (i < filled || eof) {
                    break;
                }
                int shift = compact();
                i -= shift;
                for (int k = 0; k < Math.min(count, at.length); k++) {
                    at[k] -= shift;
                }
                fill();
            }
            if (next >= filled) {
                return false;
            }
            start = next;
            next = Math.min(i + 1, filled);
            end = i > start && buf[i - 1] == '\r' ? i - 1 : i;
            commaCount = count;
            number++;
            return true;
        }

        /**
         * Start and end offsets of the current line's fields into {@code out} (as many as fit, at most
         * one more than the commas noted); returns the field count.
         */
        int fields(int[] out) {
            int from = start;
            int n = Math.min(commaCount, commas.length);
            int k = 0;
            for (; k < n && 2 * k + 1 < out.length; k++) {
                out[2 * k] = from;
                out[2 * k + 1] = commas[k];
                from = commas[k] + 1;
            }
            if (k == n && 2 * k + 1 < out.length) {
                out[2 * k] = from;
                out[2 * k + 1] = end;
            }
            return commaCount + 1;
        }

        /** Moves the unread rest to the front; returns by how much it moved. */
        private int compact() {
            int shift = next;
            System.arraycopy(buf, next, buf, 0, filled - next);
            filled -= shift;
            next = 0;
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            return shift;
        }

        private void fill() throws IOException {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }

        boolean blank() {
            for (int i = start; i < end; i++) {
                if (buf[i] > ' ') {
                    return false;
                }
            }
            return true;
        }

        String text(int from, int to) {
            return Numbers.text(buf, from, to);
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
