package io.tradingstack.features;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.market.CandleFetch;
import io.tradingstack.model.Candle;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Historical candles asked of the market component ({@code ts.market.fetch-candles}): the request
 * for the last {@code bars} buckets of a timeframe is built here once, for the warm-up and for the
 * metrics of an untracked symbol. Failures carry the market's code; the wait is bounded.
 */
final class MarketHistory {
    /** The market's request record this sends (its codec is registered by the features verticle too). */
    static final List<Class<? extends Record>> SENDS = List.of(CandleFetch.class);
    private final EventBus bus;
    private final long timeoutMs;

    MarketHistory(EventBus bus, long timeoutMs) {
        this.bus = bus;
        this.timeoutMs = timeoutMs;
    }

    /** The fetch request for the {@code bars} buckets before the bucket of {@code end}, up to {@code end}. */
    static CandleFetch request(String symbol, Timeframe tf, int bars, Instant end) {
        Instant start = tf.bucketStart(end).minusSeconds((long) tf.seconds() * bars);
        return CandleFetch.of(symbol, tf.seconds(), start, end);
    }

    /** The candles of the market's reply (rows that do not form a candle skipped). */
    Future<List<Candle>> candles(String symbol, Timeframe tf, int bars, Instant end) {
        CandleFetch request;
        try {
            request = request(symbol, tf, bars, end);
        } catch (CodedException e) {
            return Future.failedFuture(e);
        }
        return Replies.coded(bus.request(Addresses.MARKET_FETCH_CANDLES, request,
                        new DeliveryOptions().setSendTimeout(timeoutMs)))
                .map(reply -> {
                    try {
                        return CandleReplies.parse(reply.body(), symbol, tf.seconds());
                    } catch (IllegalArgumentException e) {
                        throw new CodedException(ErrorCode.BUS_BAD_MESSAGE, "market candles reply: " + e.getMessage());
                    }
                });
    }

    /** The last {@code limit} closed bars as a ta4j series' bars. */
    Future<List<Bar>> bars(String symbol, Timeframe tf, int limit, Instant end) {
        return candles(symbol, tf, limit, end).map(c -> toBars(c, symbol, limit, end));
    }

    /** Candles in time order, one per start, none ending after {@code end}, at most {@code limit} (the newest). */
    static List<Bar> toBars(List<Candle> candles, String symbol, int limit, Instant end) {
        List<Candle> sorted = new ArrayList<>(candles);
        sorted.sort(Comparator.comparing(Candle::start));
        BarSeries series = SeriesFactory.newSeries(symbol, Math.max(1, limit), SeriesFactory.NumKind.DOUBLE);
        Instant last = Instant.MIN;
        for (Candle c : sorted) {
            if (c.start().isAfter(last) && !c.end().isAfter(end)) {
                SeriesFactory.append(series, c);
                last = c.start();
            }
        }
        return new ArrayList<>(series.getBarData());
    }
}
