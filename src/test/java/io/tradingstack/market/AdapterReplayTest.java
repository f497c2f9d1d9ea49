package io.tradingstack.market;

import io.tradingstack.bus.Addresses;
import io.tradingstack.model.Tick;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real adapter against the replay exchange over loopback HTTP and WebSocket. */
@ExtendWith(VertxExtension.class)
class AdapterReplayTest {

    @Test
    void ticksFlowAndResumeAfterTheExchangeDropsTheSocket(Vertx vertx, VertxTestContext test) throws Exception {
        ReplayHarness h = ReplayHarness.start(vertx, 20, Map.of());
        MarketFeedVerticle feed = new MarketFeedVerticle(h.ctx);
        vertx.deployVerticle(feed).await(10, TimeUnit.SECONDS);
        AtomicInteger phase = new AtomicInteger();
        AtomicInteger afterDrop = new AtomicInteger();
        AtomicLong lastTradeId = new AtomicLong();
        vertx.eventBus().<Tick>consumer(Addresses.marketTick("BTC-USD"), msg -> {
            Tick t = msg.body();
            test.verify(() -> {
                assertEquals("BTC-USD", t.symbol());
                assertTrue(t.bid().compareTo(t.ask()) <= 0);
                assertTrue(t.tradeId() > lastTradeId.get(), "trade ids increase");
                assertTrue(t.sourceTime() != null && t.sourceTime().getEpochSecond() < t.time().getEpochSecond());
            });
            lastTradeId.set(t.tradeId());
            if (phase.get() == 0 && t.tradeId() > 0 && feed.stats().ticks.get() >= 5) {
                phase.set(1);
                h.exchange.dropConnections();
            } else if (phase.get() == 1 && feed.stats().connects.get() >= 2 && afterDrop.incrementAndGet() >= 5) {
                phase.set(2);
                vertx.eventBus().<JsonObject>request(Addresses.MARKET_STATS, "").onComplete(test.succeeding(stats -> test.verify(() -> {
                    JsonObject s = stats.body();
                    assertTrue(s.getLong("reconnects") >= 1);
                    assertTrue(s.getBoolean("connected"));
                    assertEquals(0L, s.getLong("droppedTotal"), s.encode());
                    test.completeNow();
                })));
            }
        });
        assertTrue(test.awaitCompletion(30, TimeUnit.SECONDS));
        if (test.failed()) {
            throw new AssertionError(test.causeOfFailure());
        }
    }
}
