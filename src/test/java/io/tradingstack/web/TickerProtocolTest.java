package io.tradingstack.web;

import io.tradingstack.app.HttpVerticle;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /ws/ticker protocol over real loopback WebSockets, fed by ticks published on the bus. */
class TickerProtocolTest {
    private Vertx vertx;
    private AppContext ctx;

    private int start(Map<String, String> overrides, long heartbeatMs) throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        ctx = new AppContext(TestInfra.config(overrides), vertx);
        vertx.eventBus().<String>consumer(Addresses.MARKET_LATEST_TICK, msg -> {
            if ("BTC-USD".equals(msg.body())) {
                msg.reply(tick("BTC-USD", 7, "100.5"));
            } else {
                Replies.fail(msg, ErrorCode.MARKET_NO_DATA, "none");
            }
        });
        vertx.deployVerticle(new TickerVerticle(ctx), new DeploymentOptions().setConfig(new JsonObject().put("heartbeatMs", heartbeatMs)))
                .await(10, TimeUnit.SECONDS);
        vertx.deployVerticle(new HttpVerticle(ctx)).await(10, TimeUnit.SECONDS);
        return ctx.config().httpPort();
    }

    private final java.util.List<WsClient> clients = new java.util.ArrayList<>();

    private WsClient connect(int port) throws Exception {
        WsClient c = WsClient.connect(vertx, port, "/ws/ticker");
        clients.add(c);
        return c;
    }

    @AfterEach
    void close() throws Exception {
        for (WsClient c : clients) {
            c.socket.resume();
            if (!c.socket.isClosed()) {
                c.socket.close().await(10, TimeUnit.SECONDS);
            }
        }
        if (vertx != null) {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    static Tick tick(String symbol, long seq, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Tick(symbol, p, p.subtract(new BigDecimal("0.01")), p, new BigDecimal("0.5"), Instant.now(), seq, seq, null);
    }

    private void publish(Tick t) {
        vertx.eventBus().publish(Addresses.marketTick(t.symbol()), t, new DeliveryOptions().setLocalOnly(true));
    }

    @Test
    void subscribeSnapshotTicksUnsubscribe() throws Exception {
        int port = start(Map.of(), 60_000);
        WsClient c = connect(port);
        c.send("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\",\"ETH-USD\"]}");
        JsonObject subscribed = c.next("subscribed", 5000);
        assertEquals(2, subscribed.getJsonArray("symbols").size());
        JsonObject snapshot = c.next("snapshot", 5000);
        assertEquals("BTC-USD", snapshot.getString("symbol"));
        assertEquals(7L, snapshot.getLong("seq"));
        assertEquals(new BigDecimal("100.5"), new BigDecimal(snapshot.getValue("price").toString()));
        publish(tick("BTC-USD", 8, "101.25"));
        publish(tick("ETH-USD", 9, "2000.10"));
        JsonObject t1 = c.next("tick", 5000);
        JsonObject t2 = c.next("tick", 5000);
        assertEquals("BTC-USD", t1.getString("symbol"));
        assertEquals(8L, t1.getLong("seq"));
        assertEquals("ETH-USD", t2.getString("symbol"));
        assertTrue(Instant.parse(t2.getString("time")).isBefore(Instant.now().plusSeconds(1)));
        for (String key : new String[]{"price", "bid", "ask", "size", "time", "seq"}) {
            assertTrue(t1.containsKey(key), key);
        }
        c.send("{\"type\":\"unsubscribe\",\"symbols\":[\"BTC-USD\"]}");
        assertEquals(1, c.next("subscribed", 5000).getJsonArray("symbols").size());
        publish(tick("BTC-USD", 10, "102"));
        publish(tick("ETH-USD", 11, "2001"));
        assertEquals("ETH-USD", c.next("tick", 5000).getString("symbol"), "BTC-USD no longer delivered");
    }

    @Test
    void badMessagesGetCodedErrorsAndTheConnectionStays() throws Exception {
        int port = start(Map.of(), 60_000);
        WsClient c = connect(port);
        String[] bad = {"{not json", "[1,2]", "{\"type\":\"dance\",\"symbols\":[\"BTC-USD\"]}",
                "{\"type\":\"subscribe\"}", "{\"type\":\"subscribe\",\"symbols\":[\"btc usd\"]}",
                "{\"type\":\"subscribe\",\"symbols\":[42]}", "x".repeat(5000)};
        for (String b : bad) {
            c.send(b);
            JsonObject err = c.next("error", 5000);
            assertEquals(ErrorCode.MARKET_BAD_REQUEST.code(), err.getInteger("code"), b);
            assertTrue(!err.getString("message").isBlank());
        }
        c.send("{\"type\":\"subscribe\",\"symbols\":[\"DOGE-USD\"]}");
        assertEquals(ErrorCode.MARKET_UNKNOWN_SYMBOL.code(), c.next("error", 5000).getInteger("code"));
        c.send("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\"]}");
        assertEquals("BTC-USD", c.next("subscribed", 5000).getJsonArray("symbols").getString(0));
        assertTrue(!c.closed);
    }

    @Test
    void heartbeatsArrive() throws Exception {
        int port = start(Map.of(), 200);
        WsClient c = connect(port);
        assertTrue(Instant.parse(c.next("heartbeat", 5000).getString("time")).isAfter(Instant.now().minusSeconds(5)));
    }

    @Test
    void connectionCapRefusesTheExtraClient() throws Exception {
        int port = start(Map.of("TICKER_MAX_CONNECTIONS", "2"), 60_000);
        WsClient a = connect(port);
        WsClient b = connect(port);
        assertThrows(Exception.class, () -> connect(port));
        a.socket.close().await(5, TimeUnit.SECONDS);
        Eventually.eventually(Duration.ofSeconds(30), "ticker().getInteger(\"connections\") == 1", () -> ticker().getInteger("connections") == 1);
        WsClient c = connect(port);
        c.send("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\"]}");
        c.next("subscribed", 5000);
        assertTrue(!b.closed);
    }

    @Test
    void slowConsumerIsConflatedThenDisconnected() throws Exception {
        Map<String, String> o = new HashMap<>();
        o.put("TICKER_BUFFER_BYTES", "16384");
        o.put("TICKER_SLOW_DISCONNECT_MS", "1500");
        int port = start(o, 60_000);
        WsClient slow = connect(port);
        WsClient fast = connect(port);
        for (WsClient c : new WsClient[]{slow, fast}) {
            c.send("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\"]}");
            c.next("subscribed", 5000);
        }
        slow.socket.pause();
        long[] seq = {100};
        // 2,000 ticks/s overflow the slow client's 16 KiB within a fraction of a second; 20,000/s (100 per
        // 5 ms, as before) outran the ticker's bus consumer on a loaded machine: Vert.x discarded the
        // excess with one WARN per message (~160,000 "Discarding message" lines) and, with them, this
        // test's last tick
        long timer = vertx.setPeriodic(5, id -> {
            for (int i = 0; i < 10; i++) {
                publish(tick("BTC-USD", ++seq[0], "100"));
            }
        });
        Eventually.eventually(Duration.ofSeconds(30), "ticker().getLong(\"slowDisconnects\") >= 1", () -> ticker().getLong("slowDisconnects") >= 1);
        vertx.cancelTimer(timer);
        slow.socket.resume();
        assertEquals(1, ticker().getInteger("connections"), "only the slow client was cut off");
        fast.received.clear();
        publish(tick("BTC-USD", ++seq[0] + 1000, "100"));
        long last = seq[0] + 1000;
        fast.next(m -> "tick".equals(m.getString("type")) && m.getLong("seq") == last, 10_000);
        fast.socket.close().await(5, TimeUnit.SECONDS);
    }

    private JsonObject ticker() throws Exception {
        return ctx.health().report(vertx).await(5, TimeUnit.SECONDS).getJsonObject("components").getJsonObject("ticker");
    }
}
