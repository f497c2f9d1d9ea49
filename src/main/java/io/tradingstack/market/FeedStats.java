package io.tradingstack.market;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradingstack.runtime.Meters;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters of the market feed; written on the feed's event loop, read from anywhere. */
public final class FeedStats {
    private final AtomicLongArray dropped = new AtomicLongArray(DropReason.values().length);
    public final AtomicLong messages = new AtomicLong();
    public final AtomicLong ticks = new AtomicLong();
    public final AtomicLong matches = new AtomicLong();
    public final AtomicLong heartbeats = new AtomicLong();
    public final AtomicLong connects = new AtomicLong();
    public final AtomicLong reconnects = new AtomicLong();
    public final AtomicLong heartbeatTimeouts = new AtomicLong();
    public final AtomicLong sequenceGaps = new AtomicLong();
    public final AtomicLong missedTrades = new AtomicLong();
    public final AtomicLong backfilledTrades = new AtomicLong();
    public final AtomicLong exchangeErrors = new AtomicLong();

    public void drop(DropReason reason) {
        dropped.incrementAndGet(reason.ordinal());
    }

    public long dropped(DropReason reason) {
        return dropped.get(reason.ordinal());
    }

    public long droppedTotal() {
        long sum = 0;
        for (int i = 0; i < dropped.length(); i++) {
            sum += dropped.get(i);
        }
        return sum;
    }

    public Map<DropReason, Long> droppedByReason() {
        Map<DropReason, Long> out = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            out.put(r, dropped(r));
        }
        return out;
    }

    /** Publishes the message and drop counters as Prometheus series; returns the meters (to remove at stop). */
    public List<Meter> bindTo(MeterRegistry registry) {
        List<Meter> out = new ArrayList<>();
        out.add(FunctionCounter.builder(Meters.MARKET_MESSAGES, messages, AtomicLong::get)
                .description("raw messages received from the exchange feed").register(registry));
        for (DropReason r : DropReason.values()) {
            out.add(FunctionCounter.builder(Meters.MARKET_DROPPED, this, s -> s.dropped(r))
                    .description("feed messages dropped by validation, per reason").tag("reason", r.key()).register(registry));
        }
        return out;
    }

    public JsonObject toJson() {
        JsonObject drops = new JsonObject();
        droppedByReason().forEach((r, n) -> drops.put(r.key(), n));
        return new JsonObject()
                .put("messages", messages.get()).put("ticks", ticks.get()).put("matches", matches.get())
                .put("heartbeats", heartbeats.get()).put("connects", connects.get()).put("reconnects", reconnects.get())
                .put("heartbeatTimeouts", heartbeatTimeouts.get()).put("sequenceGaps", sequenceGaps.get())
                .put("missedTrades", missedTrades.get()).put("backfilledTrades", backfilledTrades.get())
                .put("exchangeErrors", exchangeErrors.get()).put("droppedTotal", droppedTotal()).put("dropped", drops);
    }
}
