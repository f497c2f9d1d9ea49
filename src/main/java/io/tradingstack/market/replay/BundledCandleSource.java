package io.tradingstack.market.replay;

import io.tradingstack.market.CandlePage;
import io.tradingstack.market.CandleSource;
import io.tradingstack.market.CoinbaseRest;
import io.tradingstack.market.ReplaySeries;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped real candles (BTC-USD, ETH-USD, 2023-04-10 → 2023-04-13) at their recorded times, as
 * a {@link CandleSource}: backtests and offline tools get real data without any server. Any
 * Coinbase granularity is aggregated from the 1-minute rows; at most 300 buckets per page.
 */
public final class BundledCandleSource implements CandleSource {
    private final Map<String, ReplaySeries> series = new HashMap<>();

    public BundledCandleSource() {
        ReplaySeries.BUNDLED.forEach(p -> series.put(p, ReplaySeries.load(p)));
    }

    public List<String> products() {
        return ReplaySeries.BUNDLED;
    }

    /** First and last recorded minute of a product. */
    public Instant first(String product) {
        return Instant.ofEpochSecond(require(product).time(0));
    }

    public Instant last(String product) {
        ReplaySeries s = require(product);
        return Instant.ofEpochSecond(s.time(s.size() - 1));
    }

    @Override
    public CandlePage page(String product, int granularity, Instant start, Instant endInclusive) {
        long first = Math.floorDiv(start.getEpochSecond(), granularity) * granularity;
        long last = Math.floorDiv(endInclusive.getEpochSecond(), granularity) * granularity;
        if ((last - first) / granularity + 1 > ReplayRest.MAX_CANDLES) {
            throw new IllegalArgumentException("at most " + ReplayRest.MAX_CANDLES + " candles per page");
        }
        return CoinbaseRest.parseCandles(product, granularity,
                new CandleAggregator(require(product), 0, Long.MAX_VALUE - 60).rows(first, last, granularity));
    }

    private ReplaySeries require(String product) {
        ReplaySeries s = series.get(product);
        if (s == null) {
            throw new IllegalArgumentException("no bundled data for " + product + "; bundled: " + ReplaySeries.BUNDLED);
        }
        return s;
    }
}
