package io.tradingstack.ledger;

import io.tradingstack.bus.Addresses;
import io.tradingstack.model.Tick;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Marks from the market component's latest ticks (mid), asked over the bus; a symbol that does not answer in time stays unmarked. */
public final class BusPriceSource implements PriceSource {
    private static final long WAIT_MS = 2000;
    private final EventBus bus;

    public BusPriceSource(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public Future<Map<String, BigDecimal>> mids(Collection<String> symbols) {
        Map<String, BigDecimal> marks = new ConcurrentHashMap<>();
        List<Future<?>> asks = new ArrayList<>();
        for (String symbol : symbols) {
            asks.add(bus.<Tick>request(Addresses.MARKET_LATEST_TICK, symbol, new DeliveryOptions().setSendTimeout(WAIT_MS))
                    .onSuccess(m -> marks.put(symbol, m.body().mid()))
                    .otherwiseEmpty());
        }
        return Future.join(asks).otherwiseEmpty().map(v -> marks);
    }
}
