package io.tradingstack.market;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradingstack.bus.Addresses;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.Meters;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes validated ticks on {@code ts.market.tick.<SYMBOL>} and counts them per symbol in the
 * node's metrics; the feed's statistics are bound to the same registry. {@link #close()} removes
 * every meter it registered, so an undeployed feed leaves no series behind.
 */
final class TickTopics {
    private final EventBus bus;
    private final DeliveryOptions options;
    private final MeterRegistry registry;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final List<Meter> meters = new ArrayList<>();

    TickTopics(EventBus bus, DeliveryOptions options, MeterRegistry registry, FeedStats stats) {
        this.bus = bus;
        this.options = options;
        this.registry = registry;
        meters.addAll(stats.bindTo(registry));
    }

    void publish(Tick tick) {
        Topic topic = topics.computeIfAbsent(tick.symbol(), this::topic);
        bus.publish(topic.address(), tick, options);
        topic.ticks().increment();
    }

    void close() {
        synchronized (meters) {
            meters.forEach(registry::remove);
            meters.clear();
        }
    }

    private Topic topic(String symbol) {
        Counter ticks = Counter.builder(Meters.MARKET_TICKS).description("validated ticks published on the bus")
                .tag("symbol", symbol).register(registry);
        synchronized (meters) {
            meters.add(ticks);
        }
        return new Topic(Addresses.marketTick(symbol), ticks);
    }

    private record Topic(String address, Counter ticks) {
    }
}
