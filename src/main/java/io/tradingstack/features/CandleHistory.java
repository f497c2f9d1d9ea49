package io.tradingstack.features;

import io.tradingstack.model.Candle;

import java.util.List;

/**
 * Reply of {@code ts.features.candles}: the closed candles the features engine holds for a symbol
 * and timeframe (oldest first, at most the request's limit) and the bar still open, if any.
 */
public record CandleHistory(String symbol, String timeframe, List<Candle> candles, Candle open) {
    /** The most candles one request may ask for (the engine keeps at most FEATURES_MAX_BARS anyway). */
    public static final int MAX_LIMIT = 5000;

    public CandleHistory {
        candles = List.copyOf(candles);
    }

    /** Body of {@code ts.features.candles}. */
    public record Request(String symbol, String timeframe, int limit) {
        public Request {
            if (symbol == null || symbol.isBlank() || timeframe == null || timeframe.isBlank()) {
                throw new IllegalArgumentException("symbol and timeframe are required");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
            }
        }
    }

    /** The records of the endpoint, each with a codec. */
    public static final List<Class<? extends Record>> MESSAGES = List.of(CandleHistory.class, Request.class);
}
