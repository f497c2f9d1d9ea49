package io.tradingstack.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warm-up ordering and reply parsing, without Vert.x. */
class FeaturesServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<Candle> history(int n, Instant end) {
        List<Candle> real = MarketFiles.btc1m().subList(0, n);
        List<Candle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Candle c = real.get(i);
            out.add(new Candle("BTC-USD", 60, end.minusSeconds(60L * (n - i)), c.open(), c.high(), c.low(), c.close(), c.volume()));
        }
        return out;
    }

    @Test
    void liveBarsClosedDuringWarmUpAreHeldAndFedAfterTheHistory() {
        FeaturesService svc = new FeaturesService(List.of("BTC-USD"), List.of(Timeframe.parse("1m")), 500, 0);
        Instant live = T0.plusSeconds(600);
        assertTrue(svc.onTrade("BTC-USD", live.plusSeconds(5), 100, 1).isEmpty());
        assertTrue(svc.onTrade("BTC-USD", live.plusSeconds(65), 101, 1).isEmpty(), "held while warming");
        assertNull(svc.latest("BTC-USD", "1m"));
        // history overlapping the first live bar, shuffled, plus a still-open bar at the end
        List<Candle> hist = new ArrayList<>(history(100, live.plusSeconds(60)));
        hist.add(new Candle("BTC-USD", 60, live.plusSeconds(120), 5, 5, 5, 5, 1));
        Collections.shuffle(hist, new java.util.Random(1));
        List<FeatureVector> released = svc.warm("BTC-USD", "1m", hist, live.plusSeconds(130));
        assertEquals(1, released.size());
        assertEquals(live, released.get(0).barTime());
        assertEquals(99 + 1, released.get(0).bars(), "99 history bars before the first live bar, then the live one");
        assertEquals(99, svc.slot("BTC-USD", "1m").warmBars());
        assertEquals(100.0, released.get(0).lastPrice());
        List<FeatureVector> next = svc.onTrade("BTC-USD", live.plusSeconds(125), 102, 1);
        assertEquals(1, next.size());
        assertEquals(101.0, next.get(0).lastPrice());
    }

    @Test
    void aColdStartAndATimedClose() {
        FeaturesService svc = new FeaturesService(List.of("ETH-USD"), List.of(Timeframe.parse("1m"), Timeframe.parse("5m")), 100, 1000);
        svc.warm("ETH-USD", "1m", List.of(), T0);
        svc.warm("ETH-USD", "5m", List.of(), T0);
        svc.onTrade("ETH-USD", T0.plusSeconds(3), 10, 1);
        assertTrue(svc.closeDue(T0.plusSeconds(60)).isEmpty(), "grace not over");
        List<FeatureVector> closed = svc.closeDue(T0.plusSeconds(61));
        assertEquals(1, closed.size());
        assertEquals("1m", closed.get(0).timeframe());
        assertEquals(1, closed.get(0).bars());
        assertTrue(svc.onTrade("BTC-USD", T0, 1, 1).isEmpty(), "untracked symbol is ignored");
        assertEquals("1m", svc.primary().label());
    }

    @Test
    void historyEndsTheWarmUpSoReplayedOldTicksAreLate() {
        FeaturesService svc = new FeaturesService(List.of("BTC-USD"), List.of(Timeframe.parse("1m")), 500, 0);
        svc.warm("BTC-USD", "1m", history(50, T0), T0.plusSeconds(1));
        assertTrue(svc.onTrade("BTC-USD", T0.minusSeconds(30), 100, 1).isEmpty());
        assertEquals(1, svc.slot("BTC-USD", "1m").aggregator().late());
        assertEquals(50, svc.latest("BTC-USD", "1m").bars());
    }

    @Test
    void repliesInEveryAcceptedShape() {
        Instant t = Instant.parse("2026-06-19T16:39:00Z");
        JsonArray coinbase = new JsonArray().add(new JsonArray().add(t.getEpochSecond()).add(1.0).add(4.0).add(2.0).add(3.0).add(9.0));
        JsonObject market = new JsonObject().put("report", new JsonObject()).put("candles", new JsonArray()
                .add(new JsonObject().put("start", t.toString()).put("open", 2.0).put("high", 4.0).put("low", 1.0)
                        .put("close", 3.0).put("volume", 9.0))
                .add(new JsonObject().put("start", t.toString()).put("open", 0).put("high", 4.0).put("low", 1.0)
                        .put("close", 3.0).put("volume", 9.0)));
        JsonArray millis = new JsonArray().add(new JsonObject().put("time", t.toEpochMilli()).put("open", "2").put("high", "4")
                .put("low", "1").put("close", "3").put("volume", "9"));
        Candle expected = new Candle("BTC-USD", 60, t, 2, 4, 1, 3, 9);
        assertEquals(List.of(expected), CandleReplies.parse(coinbase, "BTC-USD", 60));
        assertEquals(List.of(expected), CandleReplies.parse(market, "BTC-USD", 60), "the zero-price row is skipped");
        assertEquals(List.of(expected), CandleReplies.parse(millis, "BTC-USD", 60));
        assertEquals(List.of(expected), CandleReplies.parse(List.of(expected), "BTC-USD", 60));
        assertThrows(IllegalArgumentException.class, () -> CandleReplies.parse("nope", "BTC-USD", 60));
    }
}
