package io.tradingstack.strategy.store;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.BusBridge;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Delegates to the {@link StrategyStoreVerticle} over the bus. */
public final class StrategySpecActivitiesImpl implements StrategySpecActivities {
    private final BusBridge bus;

    public StrategySpecActivitiesImpl(Vertx vertx) {
        this.bus = new BusBridge(vertx);
    }

    @Override
    public StoredSpec save(String specJson) {
        JsonObject reply = bus.request(Addresses.STRATEGY_SAVE, new JsonObject().put("spec", specJson), JsonObject.class);
        return read(reply);
    }

    @Override
    public boolean delete(String market, String timeframe) {
        JsonObject q = new JsonObject().put("market", market).put("timeframe", timeframe);
        return bus.request(Addresses.STRATEGY_DELETE, q, JsonObject.class).getBoolean("deactivated", false);
    }

    @Override
    public List<StoredSpec> load() {
        JsonObject reply = bus.request(Addresses.STRATEGY_LOAD, new JsonObject(), JsonObject.class);
        List<StoredSpec> out = new ArrayList<>();
        reply.getJsonArray("specs").forEach(o -> out.add(read((JsonObject) o)));
        return out;
    }

    private static StoredSpec read(JsonObject json) {
        try {
            return Json.MAPPER.readValue(json.encode(), StoredSpec.class);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable store reply: " + e.getMessage(), e);
        }
    }
}
