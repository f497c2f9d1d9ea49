package io.tradingstack.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge rules of the one candle-bucketing core, one test per rule. */
class CandleBucketTest {
    private static final long T = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

    @Test
    void rule1BucketsAreEpochAlignedAndHalfOpen() {
        assertEquals(T, CandleBucket.startOf(T, 300));
        assertEquals(T, CandleBucket.startOf(T + 299, 300));
        assertEquals(T + 300, CandleBucket.startOf(T + 300, 300), "the end of a bucket is the start of the next");
        assertEquals(T, CandleBucket.startOfMillis((T + 300) * 1000 - 1, 300), "a millisecond before the boundary stays");
        assertEquals(-300, CandleBucket.startOf(-1, 300), "before 1970 the floor, not the truncation");
        assertEquals(T + 3600, CandleBucket.startOf(T + 3600 + 59 * 60, 3600));
        CandleBucket b = new CandleBucket("BTC-USD", 60);
        b.addTrade(T * 1000 + 59_999, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> b.addTrade((T + 60) * 1000, 11, 1),
                "an input at the end belongs to the next bucket");
        assertEquals(Instant.ofEpochSecond(T), b.peek().start());
    }

    @Test
    void aBarBelongsToTheBucketOfItsStart() {
        CandleBucket b = new CandleBucket("BTC-USD", 900);
        b.addBar(bar(T + 840, 60, 10, 12, 9, 11, 2));
        assertEquals(T, b.startSec());
        assertEquals(T + 900, b.endSec());
    }

    @Test
    void rule2OpenOfTheEarliestCloseOfTheLatestWhateverTheOrder() {
        CandleBucket b = new CandleBucket("BTC-USD", 60);
        b.addTrade(T * 1000 + 30_000, 100, 1);
        b.addTrade(T * 1000 + 10_000, 90, 2);   // earlier: becomes the open
        b.addTrade(T * 1000 + 50_000, 105, 3);  // latest: the close
        b.addTrade(T * 1000 + 40_000, 120, 4);  // in between: only high and volume
        Candle c = b.peek();
        assertEquals(90, c.open());
        assertEquals(105, c.close());
        assertEquals(120, c.high());
        assertEquals(90, c.low());
        assertEquals(10, c.volume());
    }

    @Test
    void rule2EqualTimesKeepTheFirstOpenAndTheLastClose() {
        CandleBucket b = new CandleBucket("BTC-USD", 60);
        b.addTrade(T * 1000, 100, 1);
        b.addTrade(T * 1000, 101, 1);
        b.addTrade(T * 1000, 99, 1);
        assertEquals(100, b.peek().open());
        assertEquals(99, b.peek().close());
    }

    @Test
    void rule3ABucketIsCompleteOnceItsInputsCoverItsEnd() {
        CandleBucket b = new CandleBucket("BTC-USD", 300);
        b.addBar(bar(T, 60, 10, 11, 9, 10, 1));
        assertTrue(!b.completeAt(T + 60) && !b.completeAt(T + 299));
        assertTrue(b.completeAt(T + 300));
        assertEquals(bar(T, 300, 10, 11, 9, 10, 1), b.take());
        assertTrue(b.isEmpty());
        assertNull(b.take(), "rule 4: an empty bucket is no candle");
    }

    @Test
    void theRollupEmitsACoarseBarWhenAFineBarCoversItsEnd() {
        CandleRollup r = new CandleRollup("BTC-USD", 180);
        assertEquals(0, r.add(bar(T, 60, 10, 12, 9, 11, 1)).length);
        assertEquals(0, r.add(bar(T + 60, 60, 11, 13, 10, 12, 2)).length);
        Candle[] done = r.add(bar(T + 120, 60, 12, 12, 8, 9, 3));
        assertArrayEquals(new Candle[]{bar(T, 180, 10, 13, 8, 9, 6)}, done);
        assertNull(r.pending());
    }

    @Test
    void aGapEndsABucketAsItIsAndTheTrailingBucketIsOnlyPending() {
        CandleRollup r = new CandleRollup("BTC-USD", 180);
        r.add(bar(T, 60, 10, 12, 9, 11, 1));
        Candle[] afterGap = r.add(bar(T + 360 + 60, 60, 20, 21, 19, 20, 5));
        assertArrayEquals(new Candle[]{bar(T, 180, 10, 12, 9, 11, 1)}, afterGap, "the partial bucket before the gap");
        assertEquals(bar(T + 360, 180, 20, 21, 19, 20, 5), r.pending());
        Candle[] both = r.add(bar(T + 540, 180, 30, 31, 29, 30, 1));
        assertEquals(List.of(bar(T + 360, 180, 20, 21, 19, 20, 5), bar(T + 540, 180, 30, 31, 29, 30, 1)), Arrays.asList(both),
                "a bar of the target length both ends the pending bucket and completes its own");
    }

    /** Bucketing composes: trades into 1-minute bars rolled up to 5 minutes give the 5-minute bars of the same trades. */
    @Test
    void rollingUpMinuteBarsEqualsBucketingTheTradesDirectly() {
        java.util.Random random = new java.util.Random(7);
        List<long[]> trades = new ArrayList<>();
        long ms = T * 1000;
        for (int i = 0; i < 10_000; i++) {
            ms += 1 + random.nextInt(4000);
            trades.add(new long[]{ms, 100 + random.nextInt(50), 1 + random.nextInt(9)});
        }
        List<Candle> minutes = bucket(trades, 60);
        CandleRollup rollup = new CandleRollup("BTC-USD", 300);
        List<Candle> rolled = new ArrayList<>();
        minutes.forEach(m -> rolled.addAll(Arrays.asList(rollup.add(m))));
        List<Candle> direct = bucket(trades, 300);
        // the direct list ends with the bucket the trades end in; the roll-up holds it as pending unless complete
        List<Candle> complete = rollup.pending() == null ? direct : direct.subList(0, direct.size() - 1);
        assertEquals(complete, rolled);
        assertTrue(rolled.size() > 20);
    }

    private static List<Candle> bucket(List<long[]> trades, int length) {
        List<Candle> out = new ArrayList<>();
        CandleBucket b = new CandleBucket("BTC-USD", length);
        for (long[] t : trades) {
            if (!b.isEmpty() && CandleBucket.startOfMillis(t[0], length) != b.startSec()) {
                out.add(b.take());
            }
            b.addTrade(t[0], t[1], t[2]);
        }
        out.add(b.take());
        return out;
    }

    static Candle bar(long start, int length, double o, double h, double l, double c, double v) {
        return new Candle("BTC-USD", length, Instant.ofEpochSecond(start), o, h, l, c, v);
    }
}
