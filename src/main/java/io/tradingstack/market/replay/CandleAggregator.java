package io.tradingstack.market.replay;

import io.tradingstack.market.ReplaySeries;
import io.vertx.core.json.JsonArray;

/**
 * Builds Coinbase candle rows {@code [time, low, high, open, close, volume]} (newest first) of any
 * granularity from the recorded 1-minute rows, placed on the wall clock by a fixed shift. Only
 * minutes that have ended by "now" are included, so the newest bucket may be partial, as on
 * Coinbase.
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
        double low = Double.MAX_VALUE;
        double high = 0;
        double volume = 0;
        int lastIncluded = -1;
        for (int m = from; m < to && series.time(m) + shift + 60 <= now; m++) {
            low = Math.min(low, series.low(m));
            high = Math.max(high, series.high(m));
            volume += series.volume(m);
            lastIncluded = m;
        }
        if (lastIncluded < 0) {
            return null;
        }
        return new JsonArray().add(bucket).add(low).add(high).add(series.open(from)).add(series.close(lastIncluded))
                .add(ReplayMessages.decimalValue(volume, 8));
    }
}
