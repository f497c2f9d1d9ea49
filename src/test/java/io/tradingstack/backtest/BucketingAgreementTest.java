package io.tradingstack.backtest;

import io.tradingstack.features.CandleAggregator;
import io.tradingstack.features.Timeframe;
import io.tradingstack.market.replay.BundledCandleSource;
import io.tradingstack.model.Candle;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The three users of the bucketing core agree on real data: the replay exchange's 15-minute candles,
 * the backtest resampler's 15-minute bars from the same recorded minutes, and the features engine's
 * 15-minute bars from four trades per recorded minute (its open, high, low and close).
 */
class BucketingAgreementTest {
    private static final int M15 = 900;

    @Test
    void replayResamplerAndFeaturesBuildTheSameCandles() {
        BundledCandleSource bundled = new BundledCandleSource();
        Instant from = Instant.ofEpochSecond(bundled.first("BTC-USD").getEpochSecond() / M15 * M15 + M15);
        Instant to = from.plusSeconds(299 * 60);
        List<Candle> minutes = oldestFirst(bundled.page("BTC-USD", 60, from, to).candles());
        assertEquals(300, minutes.size());

        List<Candle> replay = oldestFirst(bundled.page("BTC-USD", M15, from, to.plusSeconds(59)).candles());
        Dataset oneMinute = new Dataset("BTC-USD", "1m", 60, minutes, new DataIssues(), "bundled");
        List<Candle> resampled = Resampler.resample(oneMinute, "15m").candles();
        List<Candle> features = fromTrades(minutes);

        assertEquals(20, resampled.size());
        assertEquals(20, replay.size());
        for (int i = 0; i < resampled.size(); i++) {
            Candle a = replay.get(i);
            Candle b = resampled.get(i);
            assertEquals(List.of(a.start(), a.open(), a.high(), a.low(), a.close()),
                    List.of(b.start(), b.open(), b.high(), b.low(), b.close()), "bucket " + i);
            assertEquals(a.volume(), b.volume(), 1e-8, "volume of bucket " + i + " (the replay rounds to 8 decimals)");
        }
        assertEquals(resampled, features, "features from trades = resampled minutes, volume included");
    }

    private static List<Candle> oldestFirst(List<Candle> candles) {
        return candles.stream().sorted(java.util.Comparator.comparing(Candle::start)).toList();
    }

    /** Four trades per minute bar (open, high, low, close, in that order inside the minute), volume on the close. */
    private static List<Candle> fromTrades(List<Candle> minutes) {
        CandleAggregator agg = new CandleAggregator("BTC-USD", Timeframe.parse("15m"), 0);
        List<Candle> out = new ArrayList<>();
        for (Candle m : minutes) {
            long ms = m.start().toEpochMilli();
            double[][] trades = {{0, m.open(), 0}, {15_000, m.high(), 0}, {30_000, m.low(), 0}, {45_000, m.close(), m.volume()}};
            for (double[] t : trades) {
                Candle closed = agg.onTrade(Instant.ofEpochMilli(ms + (long) t[0]), t[1], t[2]);
                if (closed != null) {
                    out.add(closed);
                }
            }
        }
        Candle last = agg.closeIfDue(minutes.get(minutes.size() - 1).end());
        if (last != null) {
            out.add(last);
        }
        return out;
    }
}
