package io.tradingstack.market;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.model.Candle;
import io.tradingstack.testing.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Candle pagination and cache reuse against the replay exchange's REST API. */
class CandleLoaderReplayTest {
    private Vertx vertx;
    private ReplayHarness h;
    private CoinbaseRest rest;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Codecs.registerAll(vertx);
        h = ReplayHarness.start(vertx, 50, Map.of());
        rest = new CoinbaseRest(vertx, "http://127.0.0.1:" + h.exchange.port());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    private CandlePage page(String p, int g, Instant s, Instant e) {
        try {
            return rest.candles(p, g, s, e).await(10, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void paginatesAt300AndReusesOverlappingCachedRanges() {
        CandleLoader loader = new CandleLoader(this::page, new CandleCache(h.ctx.config().dataDir().resolve("market-cache")), Clock.systemUTC());
        // Half a minute past a minute boundary, so the ranges below always straddle 901 one-minute
        // buckets: at an exact boundary they would cover 900 and need one request less.
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(30);
        Instant a = now.minus(Duration.ofMinutes(1000));
        Instant b = now.minus(Duration.ofMinutes(100));
        CandleLoader.Load first = loader.load("BTC-USD", 60, a, b);
        assertEquals(4, h.exchange.candleRequests(), "901 minute buckets need 4 requests of at most 300");
        DataQualityReport r = first.report();
        assertEquals(r.expectedBars(), r.bars());
        assertEquals(0, r.gaps());
        assertEquals(0, r.duplicates());
        assertEquals(r.bars(), r.fetchedBars());
        assertEquals(first.candles().size(), r.bars());
        for (int i = 1; i < first.candles().size(); i++) {
            assertEquals(60, Duration.between(first.candles().get(i - 1).start(), first.candles().get(i).start()).toSeconds());
        }

        CandleLoader.Load second = loader.load("BTC-USD", 60, now.minus(Duration.ofMinutes(1200)), now.minus(Duration.ofMinutes(500)));
        assertEquals(5, h.exchange.candleRequests(), "only the 200 uncached minutes are fetched");
        assertTrue(second.report().cachedBars() >= 499);
        assertEquals(second.report().expectedBars(), second.report().bars());
        Candle overlap = second.candles().get(second.candles().size() - 1);
        assertEquals(overlap, first.candles().stream().filter(c -> c.start().equals(overlap.start())).findFirst().orElseThrow());

        loader.load("BTC-USD", 60, now.minus(Duration.ofMinutes(1100)), now.minus(Duration.ofMinutes(600)));
        assertEquals(5, h.exchange.candleRequests(), "a range inside the cache needs no request");
    }

    @Test
    void aggregatesGranularitiesConsistently() {
        Instant end = Instant.now().minus(Duration.ofHours(2));
        Instant start = end.minus(Duration.ofHours(4));
        List<Candle> m1 = page("ETH-USD", 60, start, end).candles();
        List<Candle> m5 = page("ETH-USD", 300, start, end).candles();
        Candle five = m5.get(m5.size() / 2);
        List<Candle> parts = m1.stream().filter(c -> !c.start().isBefore(five.start()) && c.start().isBefore(five.end())).toList();
        assertEquals(5, parts.size());
        assertEquals(parts.stream().mapToDouble(Candle::high).max().orElseThrow(), five.high());
        assertEquals(parts.stream().mapToDouble(Candle::low).min().orElseThrow(), five.low());
        assertTrue(m1.get(0).start().isAfter(m1.get(1).start()), "newest first, as Coinbase");
    }

    @Test
    void tradesPaginateThroughCbAfter() throws Exception {
        Eventually.eventually(Duration.ofSeconds(20), "h.exchange.market().emitted() > 30", () -> h.exchange.market().emitted() > 30);
        CoinbaseRest.TradePage p1 = rest.trades("BTC-USD", null, null, 10).await(5, TimeUnit.SECONDS);
        CoinbaseRest.TradePage p2 = rest.trades("BTC-USD", null, p1.cbAfter(), 10).await(5, TimeUnit.SECONDS);
        assertEquals(10, p1.trades().size());
        assertEquals(p1.cbAfter() - 1, p2.trades().get(0).getLong("trade_id"));
        assertEquals(p2.cbBefore(), p2.trades().get(0).getLong("trade_id"));
        CoinbaseRest.TradePage newer = rest.trades("BTC-USD", p2.cbBefore(), null, 5).await(5, TimeUnit.SECONDS);
        assertEquals(p2.cbBefore() + 1, newer.trades().get(newer.trades().size() - 1).getLong("trade_id"));
    }

    @Test
    void fetchCandlesEndpointReturnsCandlesAndReport() throws Exception {
        vertx.deployVerticle(new MarketFeedVerticle(h.ctx)).await(10, TimeUnit.SECONDS);
        Instant end = Instant.now();
        JsonObject reply = vertx.eventBus().<JsonObject>request(Addresses.MARKET_FETCH_CANDLES,
                        CandleFetch.of("BTC-USD", 300, end.minus(Duration.ofMinutes(600)), end))
                .await(20, TimeUnit.SECONDS).body();
        JsonObject report = reply.getJsonObject("report");
        int expected = report.getInteger("expectedBars");
        assertTrue(expected == 120 || expected == 121, "600 minutes of 5-minute bars, unaligned end: " + expected);
        assertTrue(reply.getJsonArray("candles").size() >= 119);
        assertEquals(0, report.getInteger("duplicates"));
    }
}
