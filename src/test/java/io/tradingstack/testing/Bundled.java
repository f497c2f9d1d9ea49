package io.tradingstack.testing;

import io.tradingstack.market.ReplaySeries;
import io.tradingstack.model.Candle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real 1-minute candles shipped in the jar (src/main/resources/market), as candles or as a CSV file. */
public final class Bundled {
    private Bundled() {
    }

    public static List<Candle> candles(String product) {
        ReplaySeries s = ReplaySeries.load(product);
        List<Candle> out = new ArrayList<>(s.size());
        for (int i = 0; i < s.size(); i++) {
            out.add(new Candle(product, 60, Instant.ofEpochSecond(s.time(i)), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i)));
        }
        return out;
    }

    /** Writes {@code dir/<product>-1m.csv} (time,open,high,low,close,volume) and returns it. */
    public static Path csv(String product, Path dir) {
        StringBuilder b = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (Candle c : candles(product)) {
            b.append(c.start().getEpochSecond()).append(',').append(c.open()).append(',').append(c.high()).append(',')
                    .append(c.low()).append(',').append(c.close()).append(',').append(c.volume()).append('\n');
        }
        Path file = dir.resolve(product + "-1m.csv");
        try {
            Files.writeString(file, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Candles rolled up to {@code seconds} (which must divide a day), aligned to UTC, complete buckets only. */
    public static List<Candle> rolled(List<Candle> oneMinute, int seconds) {
        List<Candle> out = new ArrayList<>();
        int per = seconds / 60;
        for (int i = 0; i + per <= oneMinute.size(); i += per) {
            Candle first = oneMinute.get(i);
            if (first.start().getEpochSecond() % seconds != 0) {
                i -= per - 1;
                continue;
            }
            double high = 0;
            double low = Double.MAX_VALUE;
            double volume = 0;
            for (int k = i; k < i + per; k++) {
                high = Math.max(high, oneMinute.get(k).high());
                low = Math.min(low, oneMinute.get(k).low());
                volume += oneMinute.get(k).volume();
            }
            out.add(new Candle(first.symbol(), seconds, first.start(), first.open(), high, low, oneMinute.get(i + per - 1).close(), volume));
        }
        return out;
    }
}
