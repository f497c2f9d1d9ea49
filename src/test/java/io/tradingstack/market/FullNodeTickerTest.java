package io.tradingstack.market;

import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.tradingstack.web.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance: a node with the default market configuration (replay exchange at REPLAY_SPEED=1,
 * feed, ticker) started from verticles.json; a client following the protocol gets at least 5
 * BTC-USD ticks within 10 s of subscribing.
 */
class FullNodeTickerTest {

    @Test
    void clientGetsFiveTicksWithinTenSecondsOfSubscribing() throws Exception {
        Vertx vertx = Vertx.vertx();
        AppContext ctx = new AppContext(TestInfra.config(Map.of("REPLAY_PORT", String.valueOf(TestInfra.freePort()))), vertx);
        Stack stack = new Stack(ctx, VerticleSpec.parse(Files.readString(Path.of("verticles.json"))), Set.of("exchange", "feed", "web"));
        try {
            stack.start().await(30, TimeUnit.SECONDS);
            WsClient client = WsClient.connect(vertx, ctx.config().httpPort(), "/ws/ticker");
            client.send("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\"]}");
            long subscribedAt = System.nanoTime();
            assertEquals("BTC-USD", client.next("subscribed", 5_000).getJsonArray("symbols").getString(0));
            long seq = -1;
            for (int i = 0; i < 5; i++) {
                long left = 10_000 - (System.nanoTime() - subscribedAt) / 1_000_000;
                JsonObject tick = client.next(m -> "tick".equals(m.getString("type")), Math.max(1, left));
                assertEquals("BTC-USD", tick.getString("symbol"));
                assertTrue(tick.getLong("seq") > seq, "seq increases");
                seq = tick.getLong("seq");
            }
            JsonObject health = ctx.health().report(vertx).await(5, TimeUnit.SECONDS);
            assertEquals("UP", health.getString("status"), health.encode());
            assertTrue(health.getJsonObject("components").getJsonObject("feed").getLong("ticks") >= 5);
        } finally {
            stack.stop();
        }
    }
}
