package io.tradingstack.bench.backtest;

import io.tradingstack.backtest.Dataset;
import io.tradingstack.backtest.DatasetLoader;
import io.tradingstack.model.Candle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Builds a one-year 1-minute CSV (525,600 bars) deterministically from the repository's real
 * 1-minute candles: bar i replays source bar k = 1 + (i mod (n - 1)), its close moved from the
 * previous generated close by the real return c[k] / c[k-1], and its open, high and low scaled by
 * the same factor as its close (so each bar keeps its real shape and volume). The path starts at
 * the source's first close on 2025-01-01T00:00Z. Nothing large is committed: the file is built
 * under target/ when a benchmark needs it.
 */
public final class YearOfMinutes {
    public static final int BARS = 525_600;
    public static final Path SOURCE = Path.of("src", "test", "resources", "market", "binance_BTC_USDT-1m.json.gz");
    private static final long START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

    private YearOfMinutes() {
    }

    /** Writes the file (generic CSV: timestamp,open,high,low,close,volume) unless it is already there. */
    public static Path build(Path out) {
        if (Files.isRegularFile(out)) {
            return out;
        }
        List<Candle> src = DatasetLoader.load(SOURCE, "BTC-USD", "1m").candles();
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                write(src, w);
            }
            Files.move(tmp, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void write(List<Candle> src, BufferedWriter w) throws IOException {
        w.write("timestamp,open,high,low,close,volume\n");
        double close = src.get(0).close();
        for (int i = 0; i < BARS; i++) {
            int j = 1 + i % (src.size() - 1);
            Candle k = src.get(j);
            close = close * k.close() / src.get(j - 1).close();
            double scale = close / k.close();
            w.write(Long.toString(START + 60L * i));
            w.write(',');
            w.write(price(k.open() * scale));
            w.write(',');
            w.write(price(k.high() * scale));
            w.write(',');
            w.write(price(k.low() * scale));
            w.write(',');
            w.write(price(k.close() * scale));
            w.write(',');
            w.write(BigDecimal.valueOf(k.volume()).setScale(5, RoundingMode.HALF_EVEN).toPlainString());
            w.write('\n');
        }
    }

    private static String price(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
