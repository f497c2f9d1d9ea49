package io.tradingstack.market;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Body of {@code ts.market.fetch-candles}: the candles of a product between two instants, in buckets
 * of {@code granularity} seconds; {@code includeCandles} false answers the data-quality report only.
 * A request that is not one fails with MARKET_BAD_REQUEST where it is built; a granularity the
 * source refuses fails the same way when it is answered.
 */
public record CandleFetch(String symbol, int granularity, Instant start, Instant end, boolean includeCandles) {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");

    public CandleFetch {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw bad("symbol must be a product id like BTC-USD");
        }
        if (start == null || end == null) {
            throw bad("give start and end");
        }
    }

    /** The candles and the report between two instants. */
    public static CandleFetch of(String symbol, int granularity, Instant start, Instant end) {
        return new CandleFetch(symbol, granularity, start, end, true);
    }

    /** From ISO-8601 texts (the workflows' activity arguments); an unreadable one is MARKET_BAD_REQUEST. */
    public static CandleFetch parse(String symbol, int granularity, String start, String end, boolean includeCandles) {
        if (start == null || end == null) {
            throw bad("give start and end");
        }
        try {
            return new CandleFetch(symbol, granularity, Instant.parse(start), Instant.parse(end), includeCandles);
        } catch (DateTimeParseException e) {
            throw bad(e.getMessage());
        }
    }

    private static CodedException bad(String text) {
        return new CodedException(ErrorCode.MARKET_BAD_REQUEST, text);
    }
}
