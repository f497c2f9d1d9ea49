package io.tradingstack.market;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.model.Tick;
import io.tradingstack.testing.Eventually;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile input, silent feeds and sequence gaps, against the replay exchange over loopback. */
class FeedResilienceTest {
    private Vertx vertx;
    private ReplayHarness h;
    private MarketFeedVerticle feed;
    private final AtomicLong btcTicks = new AtomicLong();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
    }

    private void deploy(Map<String, String> overrides) throws Exception {
        h = ReplayHarness.start(vertx, 20, overrides);
        feed = new MarketFeedVerticle(h.ctx);
        vertx.eventBus().<Tick>consumer(Addresses.marketTick("BTC-USD"), m -> btcTicks.incrementAndGet());
        vertx.deployVerticle(feed).await(10, TimeUnit.SECONDS);
        Eventually.eventually(Duration.ofSeconds(20), "btcTicks.get() >= 3", () -> btcTicks.get() >= 3);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    private static String ticker(String product, String price, String bid, String ask, long tradeId, Instant time) {
        return "{\"type\":\"ticker\",\"sequence\":1,\"product_id\":\"" + product + "\",\"price\":\"" + price
                + "\",\"best_bid\":\"" + bid + "\",\"best_ask\":\"" + ask + "\",\"side\":\"buy\",\"time\":\"" + time
                + "\",\"trade_id\":" + tradeId + ",\"last_size\":\"0.01\"}";
    }

    @Test
    void hostileAndMalformedMessagesAreDroppedAndCountedPerReason() throws Exception {
        deploy(Map.of());
        Instant now = Instant.now();
        long big = Long.MAX_VALUE - 10;
        Map<String, DropReason> cases = new java.util.LinkedHashMap<>();
        cases.put("{not json", DropReason.MALFORMED_JSON);
        cases.put("[1,2,3]", DropReason.MALFORMED_JSON);
        cases.put("{\"type\":\"ticker\",\"price\":NaN}", DropReason.MALFORMED_JSON);
        cases.put("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\"}", DropReason.MISSING_FIELD);
        cases.put(ticker("BTC-USD", "NaN", "1", "2", big, now), DropReason.BAD_PRICE);
        cases.put(ticker("BTC-USD", "Infinity", "1", "2", big, now), DropReason.BAD_PRICE);
        cases.put(ticker("BTC-USD", "-3", "1", "2", big, now), DropReason.BAD_PRICE);
        cases.put(ticker("BTC-USD", "100", "0", "2", big, now), DropReason.BAD_PRICE);
        cases.put(ticker("BTC-USD", "100", "101", "100", big, now), DropReason.BID_ABOVE_ASK);
        cases.put(ticker("BTC-USD", "100", "99", "100", 1, now), DropReason.OUT_OF_ORDER_TRADE_ID);
        cases.put(ticker("BTC-USD", "100", "99", "100", big, now.minusSeconds(3600)), DropReason.STALE);
        cases.put(ticker("BTC-USD", "100", "99", "100", big, now.plusSeconds(3600)), DropReason.FUTURE);
        cases.put(ticker("XRP-USD", "1", "0.99", "1", big, now), DropReason.UNKNOWN_PRODUCT);
        cases.put("{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[]}", DropReason.UNKNOWN_TYPE);
        cases.put("{\"type\":\"match\",\"product_id\":\"BTC-USD\",\"trade_id\":1,\"price\":\"5\",\"time\":\"" + now + "\"}",
                DropReason.OUT_OF_ORDER_TRADE_ID);
        cases.keySet().forEach(h.exchange::sendRaw);
        long expected = cases.size();
        Eventually.eventually(Duration.ofSeconds(20), "feed.stats().droppedTotal() >= expected", () -> feed.stats().droppedTotal() >= expected);
        Map<DropReason, Long> counts = new java.util.EnumMap<>(DropReason.class);
        cases.values().forEach(r -> counts.merge(r, 1L, Long::sum));
        counts.forEach((reason, n) -> assertEquals(n, feed.stats().dropped(reason), reason.key()));
        assertEquals(expected, feed.stats().droppedTotal());
        long before = btcTicks.get();
        Eventually.eventually(Duration.ofSeconds(20), "btcTicks.get() >= before + 3", () -> btcTicks.get() >= before + 3);
        var health = h.ctx.health().report(vertx).await(5, TimeUnit.SECONDS).getJsonObject("components").getJsonObject("feed");
        assertEquals("UP", health.getString("status"));
        assertEquals(1L, health.getJsonObject("dropped").getLong("bid_above_ask"));
        assertEquals(4L, health.getJsonObject("dropped").getLong("bad_price"));
    }

    @Test
    void silentFeedIsDetectedAndTheAdapterReconnects() throws Exception {
        deploy(Map.of("MARKET_HEARTBEAT_TIMEOUT_MS", "1000"));
        h.exchange.silence(true);
        Eventually.eventually(Duration.ofSeconds(20), "feed.stats().heartbeatTimeouts.get() >= 1", () -> feed.stats().heartbeatTimeouts.get() >= 1);
        h.exchange.silence(false);
        long before = btcTicks.get();
        Eventually.eventually(Duration.ofSeconds(20), "feed.stats().connects.get() >= 2 && btcTicks.get() >= before + 3", () -> feed.stats().connects.get() >= 2 && btcTicks.get() >= before + 3);
    }

    @Test
    void sequenceGapsAreCountedAndBackfilledOverRest() throws Exception {
        deploy(Map.of());
        h.exchange.withhold(250);
        Eventually.eventually(Duration.ofSeconds(20), "feed.stats().backfilledTrades.get() >= 500", () -> feed.stats().backfilledTrades.get() >= 500);
        assertEquals(2, feed.stats().sequenceGaps.get(), "one gap per product");
        assertEquals(500, feed.stats().missedTrades.get());
        assertEquals(500, feed.stats().backfilledTrades.get(), "exactly the missed trades");
        assertTrue(h.exchange.tradeRequests() >= 6, "250 trades per product need 3 pages of 100");
    }

    @Test
    void aProductTheExchangeRejectsDoesNotBlockTheOthers() throws Exception {
        deploy(Map.of("MARKET_SYMBOLS", "SOL-USD,BTC-USD,ETH-USD"));
        Eventually.eventually(Duration.ofSeconds(20), "feed.stats().exchangeErrors.get() >= 1", () -> feed.stats().exchangeErrors.get() >= 1);
        assertTrue(feed.stats().ticks.get() >= 3);
    }
}
