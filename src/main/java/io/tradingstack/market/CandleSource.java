package io.tradingstack.market;

import java.time.Instant;

/** Where {@link CandleLoader} gets candles: one request of at most 300 buckets, start and end inclusive. Blocking. */
@FunctionalInterface
public interface CandleSource {
    CandlePage page(String product, int granularity, Instant start, Instant endInclusive);
}
