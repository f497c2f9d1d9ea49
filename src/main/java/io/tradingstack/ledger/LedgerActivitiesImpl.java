package io.tradingstack.ledger;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.model.Fill;
import io.tradingstack.runtime.BusBridge;
import io.vertx.core.Vertx;

import java.time.Instant;

/** Delegates to the {@link LedgerVerticle} over the bus. */
public final class LedgerActivitiesImpl implements LedgerActivities {
    private final BusBridge bus;

    public LedgerActivitiesImpl(Vertx vertx) {
        this.bus = new BusBridge(vertx);
        Codecs.register(vertx, LedgerMessages.TYPES);
    }

    @Override
    public PostedFill persistFill(Fill fill) {
        return bus.request(Addresses.LEDGER_POST_FILL, fill, PostedFill.class);
    }

    @Override
    public LedgerSnapshot snapshot(long fillsAfter, String samplesAfter, int limit) {
        LedgerQuery q = LedgerQuery.snapshot(fillsAfter, samplesAfter == null ? null : Instant.parse(samplesAfter), limit);
        return bus.request(Addresses.LEDGER_QUERY, q, LedgerSnapshot.class);
    }
}
