package io.tradingstack.ledger;

import io.tradingstack.bus.Addresses;
import io.tradingstack.model.Fill;
import io.tradingstack.runtime.BusBridge;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** Delegates to the {@link LedgerVerticle} over the bus. */
public final class LedgerActivitiesImpl implements LedgerActivities {
    private final BusBridge bus;

    public LedgerActivitiesImpl(Vertx vertx) {
        this.bus = new BusBridge(vertx);
    }

    @Override
    public PostedFill persistFill(Fill fill) {
        return Wire.fromJson(bus.request(Addresses.LEDGER_POST_FILL, fill, JsonObject.class), PostedFill.class);
    }

    @Override
    public LedgerSnapshot snapshot(long fillsAfter, String samplesAfter, int limit) {
        JsonObject q = new JsonObject().put("query", "snapshot").put("fillsAfter", fillsAfter)
                .put("samplesAfter", samplesAfter).put("limit", limit);
        return Wire.fromJson(bus.request(Addresses.LEDGER_QUERY, q, JsonObject.class), LedgerSnapshot.class);
    }
}
