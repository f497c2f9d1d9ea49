package io.tradingstack.market;

import io.tradingstack.market.replay.ReplayMarket;
import io.tradingstack.market.replay.ReplayTimeline;
import io.tradingstack.market.replay.SyntheticTrade;
import io.tradingstack.market.replay.TradeSynthesizer;
import io.tradingstack.model.Candle;
import io.tradingstack.model.Tick;
import io.tradingstack.testing.TestInfra;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure logic of the market component: no Vert.x, no sockets. */
class MarketUnitTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static FeedMessage ticker(String price, String bid, String ask, long tradeId, Instant time) {
        FeedMessage m = new FeedMessage();
        assertTrue(m.parse("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"" + price + "\",\"best_bid\":\"" + bid
                + "\",\"best_ask\":\"" + ask + "\",\"time\":\"" + time + "\",\"trade_id\":" + tradeId + ",\"last_size\":\"0.5\"}"));
        return m;
    }

    @Test
    void validatorAcceptsRealShapeAndRejectsDuplicatesAndReordering() {
        TickValidator v = new TickValidator(Set.of("BTC-USD"), Duration.ofSeconds(30));
        FeedMessage real = new FeedMessage();
        assertTrue(real.parse("{\"type\":\"ticker\",\"sequence\":71719158645,\"product_id\":\"BTC-USD\",\"price\":\"40813.37\",\"open_24h\":\"42637.36\",\"volume_24h\":\"24498.81475200\",\"low_24h\":\"40600.05\",\"high_24h\":\"42877.22\",\"volume_30d\":\"516384.79738056\",\"best_bid\":\"40809.65\",\"best_bid_size\":\"0.10002360\",\"best_ask\":\"40818.25\",\"best_ask_size\":\"0.08964000\",\"side\":\"sell\",\"time\":\"2024-01-18T21:32:54.368300Z\",\"trade_id\":596784415,\"last_size\":\"0.0006684\"}"));
        Tick t = v.validateTicker(real, Instant.parse("2024-01-18T21:32:55Z"), 1).tick();
        assertNotNull(t);
        assertEquals(new BigDecimal("40813.37"), t.price());
        assertEquals(new BigDecimal("0.0006684"), t.size());
        assertEquals(596784415L, t.tradeId());
        assertEquals(DropReason.DUPLICATE_TRADE_ID, v.validateTicker(real, Instant.parse("2024-01-18T21:32:55Z"), 2).reason());
        v = new TickValidator(Set.of("BTC-USD"), Duration.ofSeconds(30));
        assertNotNull(v.validateTicker(ticker("1", "1", "1", 10, NOW), NOW, 3).tick());
        assertEquals(DropReason.DUPLICATE_TRADE_ID, v.validateTicker(ticker("1", "1", "1", 10, NOW), NOW, 4).reason());
        assertEquals(DropReason.OUT_OF_ORDER_TRADE_ID, v.validateTicker(ticker("1", "1", "1", 9, NOW), NOW, 5).reason());
        assertEquals(DropReason.STALE, v.validateTicker(ticker("1", "1", "1", 11, NOW.minusSeconds(31)), NOW, 6).reason());
        assertEquals(DropReason.FUTURE, v.validateTicker(ticker("1", "1", "1", 11, NOW.plusSeconds(6)), NOW, 6).reason());
        assertEquals(DropReason.BAD_PRICE, v.validateTicker(ticker("1e", "1", "1", 11, NOW), NOW, 6).reason());
        assertEquals(DropReason.MISSING_FIELD, v.validateTicker(withoutTime(), NOW, 6).reason());
    }

    private static FeedMessage withoutTime() {
        FeedMessage m = new FeedMessage();
        m.parse("{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"1\",\"best_bid\":\"1\",\"best_ask\":\"1\",\"trade_id\":99}");
        return m;
    }

    @Test
    void parserRejectsTrailingGarbageAndNonObjects() {
        FeedMessage m = new FeedMessage();
        assertTrue(!m.parse("{\"type\":\"ticker\"} x"));
        assertTrue(!m.parse("\"ticker\""));
        assertTrue(!m.parse(""));
        assertTrue(m.parse("{\"type\":\"heartbeat\",\"nested\":{\"a\":[1,2,{}]}}"));
        assertEquals("heartbeat", m.type);
    }

    @Test
    void backoffGrowsWithJitterAndResets() {
        Backoff b = new Backoff(100, 2_000, new Random(7));
        long[] ceilings = {100, 200, 400, 800, 1600, 2000, 2000};
        for (long c : ceilings) {
            long d = b.nextDelayMs();
            assertTrue(d >= c / 2 && d <= c, d + " within [" + c / 2 + ", " + c + "]");
        }
        b.reset();
        assertTrue(b.nextDelayMs() <= 100);
    }

    @Test
    void synthesizedTradesAreDeterministicAndStayInsideTheCandle() {
        ReplaySeries s = ReplaySeries.load("BTC-USD");
        ReplayTimeline timeline = new ReplayTimeline(s.size(), 1440, false);
        TradeSynthesizer a = new TradeSynthesizer(s, timeline);
        TradeSynthesizer b = new TradeSynthesizer(ReplaySeries.load("BTC-USD"), timeline);
        BigDecimal volume = BigDecimal.ZERO;
        for (int i = 0; i < 60; i++) {
            SyntheticTrade t = a.trade(i);
            assertEquals(t, b.trade(i));
            assertTrue(t.price().doubleValue() >= s.low(1440) - 0.01 && t.price().doubleValue() <= s.high(1440) + 0.01);
            assertTrue(t.bestBid().compareTo(t.bestAsk()) < 0);
            assertEquals(s.time(1440) + i, t.sourceEpochSecond());
            volume = volume.add(t.size());
        }
        assertEquals(BigDecimal.valueOf(s.open(1440)).setScale(2), a.trade(0).price());
        assertEquals(BigDecimal.valueOf(s.close(1440)).setScale(2, java.math.RoundingMode.HALF_EVEN), a.trade(59).price());
        assertEquals(s.volume(1440), volume.doubleValue(), 1e-6);
        assertNull(a.trade(timeline.stepsPerPass()), "stop at the end");
        assertEquals(a.trade(0).price(), new TradeSynthesizer(s, new ReplayTimeline(s.size(), 1440, true))
                .trade(timeline.stepsPerPass()).price(), "loop back to the start");
    }

    @Test
    void replayMarketShiftsRecordedTimeOntoTheWallClockInWholeMinutes() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T04:10:30Z"), ZoneOffset.UTC);
        ReplayMarket m = ReplayMarket.bundled(List.of("BTC-USD", "ETH-USD"), true, clock);
        long replayStart = m.synthesizer("BTC-USD").series().time(ReplayMarket.HISTORY_MINUTES);
        assertEquals(Instant.parse("2026-11-24T04:10:00Z").getEpochSecond(), replayStart + m.shiftSeconds());
        List<SyntheticTrade> step = m.next();
        assertEquals(2, step.size());
        assertEquals(m.firstTradeId(), step.get(0).tradeId());
        assertEquals(step.get(0), m.trade("BTC-USD", m.firstTradeId()));
        assertNull(m.trade("BTC-USD", m.firstTradeId() + 1), "not emitted yet");
    }

    @Test
    void missingRangesSubtractTheCache() {
        List<CandleCache.Range> cached = List.of(new CandleCache.Range(100, 200), new CandleCache.Range(300, 400));
        assertEquals(List.of(new CandleCache.Range(0, 100), new CandleCache.Range(200, 300), new CandleCache.Range(400, 500)),
                CandleLoader.missing(0, 500, cached));
        assertEquals(List.of(), CandleLoader.missing(120, 180, List.of(new CandleCache.Range(100, 200))));
    }

    @Test
    void loaderReportsGapsDuplicatesAndZeroVolume() throws Exception {
        Path dir = TestInfra.newDir("cache");
        Instant t0 = Instant.parse("2020-01-01T00:00:00Z");
        List<Candle> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            if (i == 3 || i == 4 || i == 7) {
                continue;
            }
            rows.add(new Candle("BTC-USD", 60, t0.plusSeconds(60L * i), 1, 2, 1, 2, i == 5 ? 0 : 1));
        }
        rows.add(rows.get(0));
        CandleSource source = (p, g, s, e) -> new CandlePage(rows.stream()
                .filter(c -> !c.start().isBefore(s) && !c.start().isAfter(e)).toList(), 1);
        CandleLoader loader = new CandleLoader(source, new CandleCache(dir), Clock.systemUTC());
        DataQualityReport r = loader.load("BTC-USD", 60, t0, t0.plusSeconds(600)).report();
        assertEquals(10, r.expectedBars());
        assertEquals(7, r.bars());
        assertEquals(2, r.gaps());
        assertEquals(3, r.missingBars());
        assertEquals(List.of("2020-01-01T00:03:00Z/2020-01-01T00:05:00Z", "2020-01-01T00:07:00Z/2020-01-01T00:08:00Z"), r.gapRanges());
        assertEquals(1, r.duplicates());
        assertEquals(1, r.zeroVolumeBars());
        assertEquals(1, r.invalidRows());
        DataQualityReport again = loader.load("BTC-USD", 60, t0, t0.plusSeconds(600)).report();
        assertEquals(0, again.requests());
        assertEquals(r.duplicates(), again.duplicates(), "the cache keeps rows as received");
    }

    @Test
    void bundledCandlesLoadOfflineAtTheirRecordedTimes() throws Exception {
        io.tradingstack.market.replay.BundledCandleSource bundled = new io.tradingstack.market.replay.BundledCandleSource();
        CandleLoader loader = new CandleLoader(bundled, new CandleCache(TestInfra.newDir("bundled")), Clock.systemUTC());
        Instant start = Instant.parse("2023-04-10T00:00:00Z");
        assertEquals(start, bundled.first("BTC-USD"));
        CandleLoader.Load day = loader.load("BTC-USD", 300, start, start.plus(Duration.ofDays(1)));
        assertEquals(288, day.candles().size());
        assertEquals(0, day.report().gaps());
        assertEquals(1, day.report().requests(), "288 five-minute bars fit one page");
        ReplaySeries s = ReplaySeries.load("BTC-USD");
        assertEquals(s.open(0), day.candles().get(0).open());
        assertEquals(s.close(4), day.candles().get(0).close());
        assertEquals(Math.max(Math.max(s.high(0), s.high(1)), Math.max(Math.max(s.high(2), s.high(3)), s.high(4))), day.candles().get(0).high());
    }
}
