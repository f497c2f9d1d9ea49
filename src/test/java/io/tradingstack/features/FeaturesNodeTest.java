package io.tradingstack.features;

import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.bus.Addresses;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on a node started from verticles.json with the market roles (replay exchange, feed)
 * and features: the 1m timeframe is warmed from the market's real historical candles, and live
 * ticks produce published vectors for BTC-USD and ETH-USD. A 5 s timeframe stands in for the
 * 1-minute close so the test does not wait a minute; the code path is the same.
 */
class FeaturesNodeTest {

    @Test
    void warmsFromMarketHistoryAndPublishesVectorsForBothSymbols() throws Exception {
        Vertx vertx = Vertx.vertx();
        AppContext ctx = new AppContext(TestInfra.config(Map.of("REPLAY_PORT", String.valueOf(TestInfra.freePort()),
                "FEATURES_TIMEFRAMES", "1m,5s", "FEATURES_WARMUP_BARS", "120")), vertx);
        Stack stack = new Stack(ctx, VerticleSpec.parse(Files.readString(Path.of("verticles.json"))),
                Set.of("exchange", "feed", "features"));
        CompletableFuture<FeatureVector> btc = new CompletableFuture<>();
        CompletableFuture<FeatureVector> eth = new CompletableFuture<>();
        vertx.eventBus().<FeatureVector>consumer(Addresses.featuresVector("BTC-USD"), m -> complete(btc, m.body()));
        vertx.eventBus().<FeatureVector>consumer(Addresses.featuresVector("ETH-USD"), m -> complete(eth, m.body()));
        try {
            stack.start().await(60, TimeUnit.SECONDS);
            for (CompletableFuture<FeatureVector> f : java.util.List.of(btc, eth)) {
                FeatureVector v = f.get(30, TimeUnit.SECONDS);
                assertEquals("5s", v.timeframe());
                assertNotNull(v.lastPrice());
                assertTrue(v.lastPrice() > 0);
            }
            JsonObject warm = awaitWarm(vertx, ctx);
            assertTrue(warm.getString("warm").startsWith("warm:"), warm.encode());
            FeatureVector m1 = vertx.eventBus().<FeatureVector>request(Addresses.FEATURES_LATEST_VECTOR, "BTC-USD")
                    .await(10, TimeUnit.SECONDS).body();
            assertEquals("1m", m1.timeframe());
            assertTrue(m1.bars() >= 100, "1m warmed from market history: " + m1.bars() + " bars");
            assertNotNull(m1.rsi14());
            assertNotNull(m1.return60());
            assertNotNull(m1.macdSignal());
        } finally {
            stack.stop();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void complete(CompletableFuture<FeatureVector> f, FeatureVector v) {
        if ("5s".equals(v.timeframe())) {
            f.complete(v);
        }
    }

    /** The features health entry of BTC-USD 1m once its warm-up has ended (health is read on events, not timed). */
    private static JsonObject awaitWarm(Vertx vertx, AppContext ctx) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonObject report = ctx.health().report(vertx).await(5, TimeUnit.SECONDS);
            JsonObject m1 = report.getJsonObject("components").getJsonObject("features")
                    .getJsonObject("symbols").getJsonObject("BTC-USD").getJsonObject("1m");
            if (!"requested".equals(m1.getString("warm")) && !"pending".equals(m1.getString("warm"))) {
                return m1;
            }
            vertx.timer(100).await(1, TimeUnit.SECONDS);
        }
        throw new AssertionError("1m warm-up did not end");
    }
}
