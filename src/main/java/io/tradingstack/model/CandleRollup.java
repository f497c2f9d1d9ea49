package io.tradingstack.model;

/**
 * Rolls bars of a finer timeframe, in time order, up into one coarser timeframe by the rules of
 * {@link CandleBucket}: a coarse bar is emitted as soon as a fine bar covers its end, and a coarse
 * bar left partial by a gap in the data is emitted when the first bar of a later bucket arrives.
 * The trailing incomplete bar is never emitted; {@link #pending()} shows it to a caller that wants it.
 */
public final class CandleRollup {
    private static final Candle[] NONE = new Candle[0];
    private final CandleBucket bucket;

    public CandleRollup(String symbol, int lengthSec) {
        this.bucket = new CandleBucket(symbol, lengthSec);
    }

    /** Adds a fine bar; returns the coarse bars it ended (a partial one left by a gap, then its own when complete). */
    public Candle[] add(Candle fine) {
        long start = fine.start().getEpochSecond();
        Candle ended = null;
        if (!bucket.isEmpty() && CandleBucket.startOf(start, bucket.lengthSec()) != bucket.startSec()) {
            ended = bucket.take();
        }
        bucket.addBar(fine);
        Candle complete = bucket.completeAt(start + fine.granularitySec()) ? bucket.take() : null;
        if (ended == null) {
            return complete == null ? NONE : new Candle[]{complete};
        }
        return complete == null ? new Candle[]{ended} : new Candle[]{ended, complete};
    }

    /** The coarse bar still waiting for the fine bar that ends it, or null. */
    public Candle pending() {
        return bucket.peek();
    }
}
