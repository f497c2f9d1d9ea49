package io.tradingstack.market.replay;

import io.tradingstack.market.ReplaySeries;
import io.tradingstack.model.Candle;
import io.tradingstack.model.CandleBucket;
import io.vertx.core.json.JsonArray;

/**
 * Builds Coinbase candle rows {@code [time, low, high, open, close, volume]} (newest first) of any
 * granularity from the recorded 1-minute rows, placed on the wall clock by a fixed shift, by the
 * rules of {@link CandleBucket}. Only minutes that have ended by "now" are included, so the newest
 * bucket may be partial, as on Coinbase.
 */
final class CandleAggregator {
    private final ReplaySeries series;
    private final long shift;
    private final long now;

    CandleAggregator(ReplaySeries series, long shift, long now) {
        this.series = series;
        this.shift = shift;
        this.now = now;
    }

    JsonArray rows(long first, long last, int granularity) {
        JsonArray out = new JsonArray();
        for (long bucket = last; bucket >= first; bucket -= granularity) {
            JsonArray row = bucket(bucket, granularity);
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    private JsonArray bucket(long bucket, int granularity) {
        long origin = series.time(0) + shift;
        int from = (int) Math.max(0, -Math.floorDiv(origin - bucket, 60L));
        int to = (int) Math.min(series.size(), -Math.floorDiv(origin - bucket - granularity, 60L));
        CandleBucket candle = new CandleBucket(series.product(), granularity);
        for (int m = from; m < to && series.time(m) + shift + 60 <= now; m++) {
            long start = series.time(m) + shift;
            candle.add(start * 1000L, series.open(m), series.high(m), series.low(m), series.close(m), series.volume(m));
        }
        Candle c = candle.take();
        if (c == null) {
            return null;
        }
        return new JsonArray().add(bucket).add(c.low()).add(c.high()).add(c.open()).add(c.close())
                .add(ReplayMessages.decimalValue(c.volume(), 8));
    }
}
