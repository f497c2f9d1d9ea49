package io.tradingstack.market;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.BusBridge;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bridges the market workflows to the feed verticle through the bus (bounded waits on activity threads). */
public final class MarketActivitiesImpl implements MarketActivities {
    private final BusBridge bus;
    private final BusBridge slowBus;
    private final io.tradingstack.runtime.StateBridge state;

    public MarketActivitiesImpl(Vertx vertx) {
        this.bus = new BusBridge(vertx);
        this.slowBus = new BusBridge(vertx, Duration.ofSeconds(50));
        this.state = new io.tradingstack.runtime.StateBridge(vertx);
    }

    /** What the stream stores: its selection and the revision that wrote it. */
    public record StoredStream(List<String> symbols, long revision) {
    }

    /** Keyed by the calling workflow's id ({@value DurableNames.MarketStream#ID} in a stack). */
    private static String workflowId() {
        return io.temporal.activity.Activity.getExecutionContext().getInfo().getWorkflowId();
    }

    @Override
    public List<String> loadStreamSymbols() {
        StoredStream stored = state.load(workflowId(), StoredStream.class);
        if (stored != null) {
            return stored.symbols();
        }
        JsonObject stats = bus.request(Addresses.MARKET_STATS, "", JsonObject.class);
        return stats.getJsonArray("symbols", new JsonArray()).stream().map(String::valueOf).toList();
    }

    @Override
    public void saveStreamSymbols(List<String> symbols, long revision) {
        state.save(workflowId(), DurableNames.MarketStream.TYPE, revision, new StoredStream(symbols, revision));
    }

    @Override
    public List<String> applySymbols(List<String> symbols) {
        return bus.request(Addresses.MARKET_SET_SYMBOLS, new SetSymbols(symbols), SetSymbols.class).symbols();
    }

    @Override
    public Map<String, Long> feedStats() {
        JsonObject stats = bus.request(Addresses.MARKET_STATS, "", JsonObject.class);
        Map<String, Long> out = new LinkedHashMap<>();
        stats.forEach(e -> {
            if (e.getValue() instanceof Number n) {
                out.put(e.getKey(), n.longValue());
            }
        });
        stats.getJsonObject("dropped", new JsonObject()).forEach(e -> out.put("dropped." + e.getKey(), ((Number) e.getValue()).longValue()));
        return out;
    }

    @Override
    public DataQualityReport loadCandles(String symbol, int granularity, String start, String end) {
        CandleFetch request;
        try {
            request = CandleFetch.parse(symbol, granularity, start, end, false);
        } catch (CodedException e) {
            throw BusBridge.failure(e.code(), e.getMessage());
        }
        JsonObject reply = slowBus.request(Addresses.MARKET_FETCH_CANDLES, request, JsonObject.class);
        try {
            return Json.MAPPER.readValue(reply.getJsonObject("report").encode(), DataQualityReport.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable data-quality report", e);
        }
    }
}
