package io.tradingstack.market;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Parsing of the market endpoints' JSON requests; throws IllegalArgumentException with a readable message. */
final class MarketEndpoints {
    static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");

    private MarketEndpoints() {
    }

    /** A parsed fetch-candles request. */
    record CandleRequest(String symbol, int granularity, Instant start, Instant end, boolean includeCandles) {
    }

    /**
     * {@code {symbol, granularity (s, default 60), start, end (ISO-8601)}} or
     * {@code {symbol, granularity, lookbackMinutes}} ending now; {@code includeCandles} defaults to true.
     */
    static CandleRequest candles(JsonObject body, Instant now) {
        if (body == null) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String symbol = body.getString("symbol", "");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must be a product id like BTC-USD");
        }
        int granularity = body.getInteger("granularity", 60);
        Instant end = body.containsKey("end") ? Instant.parse(body.getString("end")) : now;
        Instant start;
        if (body.containsKey("start")) {
            start = Instant.parse(body.getString("start"));
        } else if (body.containsKey("lookbackMinutes")) {
            start = end.minus(Duration.ofMinutes(body.getLong("lookbackMinutes")));
        } else {
            throw new IllegalArgumentException("give start/end or lookbackMinutes");
        }
        return new CandleRequest(symbol, granularity, start, end, body.getBoolean("includeCandles", true));
    }
}
