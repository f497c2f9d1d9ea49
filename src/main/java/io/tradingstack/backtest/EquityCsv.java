package io.tradingstack.backtest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the full equity curve as gzip CSV, one row per point: {@code time} (ISO-8601 UTC),
 * {@code equity} (exact, 8 decimals, as in report.json) and {@code cash} (cash + reserve, exact:
 * equity − cash is the market value of the positions). Rows are formatted straight into a byte
 * buffer (no String or BigDecimal per row) and compressed at the fastest level: a year of minutes
 * is about 525,000 rows.
 */
final class EquityCsv {
    static final String FILE = "equity.csv.gz";
    static final List<String> COLUMNS = List.of("time", "equity", "cash");
    private static final int BUFFER = 1 << 16;

    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private final OutputStream out;
    private long day = Long.MIN_VALUE;
    private byte[] datePrefix;

    private EquityCsv(OutputStream out) {
        this.out = out;
    }

    static void write(EquityCurve curve, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(file); GZIPOutputStream gz = fastGzip(os)) {
                new EquityCsv(gz).rows(curve);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@link #write} on another thread, started now: the curve's exact points are computed first, on
     * this thread, so the report built meanwhile reads them without a race.
     */
    static CompletableFuture<Void> writeAsync(EquityCurve curve, Path file) {
        curve.scaled();
        return CompletableFuture.runAsync(() -> write(curve, file));
    }

    private static GZIPOutputStream fastGzip(OutputStream os) throws IOException {
        return new GZIPOutputStream(os, BUFFER) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    private void rows(EquityCurve curve) throws IOException {
        bytes((String.join(",", COLUMNS) + "\n").getBytes(StandardCharsets.US_ASCII));
        long[] units = curve.scaled();
        int change = 0;
        byte[] cash = null;
        for (int i = 0; i < curve.size(); i++) {
            while (change < curve.cashChanges() && curve.cashFrom(change) <= i) {
                cash = ascii(curve.cashValue(change++).toPlainString());
            }
            time(curve.time(i));
            put((byte) ',');
            if (units != null) {
                decimal8(units[i]);
            } else {
                bytes(ascii(curve.equity(i).toPlainString()));
            }
            put((byte) ',');
            if (cash != null) {
                bytes(cash);
            }
            put((byte) '\n');
        }
        out.write(buf, 0, pos);
    }

    private void time(long epochSecond) throws IOException {
        long d = Math.floorDiv(epochSecond, 86_400L);
        if (d != day) {
            day = d;
            datePrefix = ascii(LocalDate.ofEpochDay(d) + "T");
        }
        bytes(datePrefix);
        int s = (int) Math.floorMod(epochSecond, 86_400L);
        two(s / 3600);
        put((byte) ':');
        two(s / 60 % 60);
        put((byte) ':');
        two(s % 60);
        put((byte) 'Z');
    }

    private void two(int v) throws IOException {
        put((byte) ('0' + v / 10));
        put((byte) ('0' + v % 10));
    }

    /** {@code units}·1e-8 in plain notation with exactly 8 decimals, as BigDecimal.toPlainString at scale 8. */
    private void decimal8(long units) throws IOException {
        if (units < 0) {
            put((byte) '-');
        }
        long abs = Math.abs(units);
        digits(abs / 100_000_000L);
        put((byte) '.');
        long frac = abs % 100_000_000L;
        for (long p = 10_000_000L; p > 0; p /= 10) {
            put((byte) ('0' + frac / p % 10));
        }
    }

    private void digits(long v) throws IOException {
        long p = 1;
        while (p <= v / 10) {
            p *= 10;
        }
        for (; p > 0; p /= 10) {
            put((byte) ('0' + v / p % 10));
        }
    }

    private void put(byte b) throws IOException {
        if (pos == buf.length) {
            out.write(buf, 0, pos);
            pos = 0;
        }
        buf[pos++] = b;
    }

    private void bytes(byte[] b) throws IOException {
        for (byte x : b) {
            put(x);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
