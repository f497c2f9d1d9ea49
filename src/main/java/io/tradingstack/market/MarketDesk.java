package io.tradingstack.market;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.model.Candle;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.HealthRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * The market component's answers, without the bus: the latest tick of a streamed symbol, a
 * candle-fetch request checked and answered from the {@link CandleLoader}, the feed statistics
 * and health. The verticle replies with what this returns or throws.
 */
final class MarketDesk {
    private final MarketFeed feed;
    private final FeedStats stats;
    private final CandleLoader loader;
    private final String source;
    private final String restUrl;

    MarketDesk(MarketFeed feed, FeedStats stats, CandleLoader loader, String source, String restUrl) {
        this.feed = feed;
        this.stats = stats;
        this.loader = loader;
        this.source = source;
        this.restUrl = restUrl;
    }

    Tick latestTick(Object body) {
        String symbol = String.valueOf(body);
        if (!feed.symbols().contains(symbol)) {
            throw new CodedException(ErrorCode.MARKET_UNKNOWN_SYMBOL, symbol + " is not streamed; streamed: " + feed.symbols());
        }
        Tick tick = feed.latest(symbol);
        if (tick == null) {
            throw new CodedException(ErrorCode.MARKET_NO_DATA, "no tick for " + symbol + " yet");
        }
        return tick;
    }

    SetSymbols setSymbols(SetSymbols request) {
        feed.setSymbols(request.symbols());
        return new SetSymbols(List.copyOf(feed.symbols()));
    }

    /** Loads the candles (blocking: cache files and REST pages); a request the source refuses is MARKET_BAD_REQUEST. */
    JsonObject fetchCandles(Object body) {
        if (!(body instanceof CandleFetch req)) {
            throw new CodedException(ErrorCode.MARKET_BAD_REQUEST, "expected a CandleFetch body, got "
                    + (body == null ? "null" : body.getClass().getSimpleName()));
        }
        try {
            return candlesReply(loader.load(req.symbol(), req.granularity(), req.start(), req.end()), req.includeCandles());
        } catch (IllegalArgumentException e) {
            throw new CodedException(ErrorCode.MARKET_BAD_REQUEST, e.getMessage());
        }
    }

    static JsonObject candlesReply(CandleLoader.Load load, boolean includeCandles) {
        JsonObject out = new JsonObject().put("report", new JsonObject(Json.MAPPER.convertValue(load.report(), Map.class)));
        if (includeCandles) {
            JsonArray rows = new JsonArray();
            for (Candle c : load.candles()) {
                rows.add(new JsonObject().put("start", c.start().toString()).put("open", c.open()).put("high", c.high())
                        .put("low", c.low()).put("close", c.close()).put("volume", c.volume()));
            }
            out.put("candles", rows);
        }
        return out;
    }

    JsonObject stats() {
        return stats.toJson().put("connected", feed.connected()).put("symbols", new JsonArray(List.copyOf(feed.symbols())))
                .put("source", source).put("restUrl", restUrl);
    }

    JsonObject health() {
        JsonObject base = feed.connected() ? HealthRegistry.up() : HealthRegistry.down("feed disconnected; reconnecting");
        return base.mergeIn(stats());
    }
}
