package io.tradingstack.strategy.spec;

import io.tradingstack.features.Timeframe;
import io.tradingstack.model.Candle;

/**
 * Rolls bars of a finer timeframe up into one coarser timeframe on UTC boundaries (the features
 * engine's alignment). A coarse bar is emitted when the fine bar that ends at its boundary arrives;
 * after a gap in the data, the unfinished bar is emitted when the first bar of a later one arrives.
 */
final class BarRollup {
    private final String symbol;
    private final Timeframe tf;
    private long bucket = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;

    BarRollup(String symbol, Timeframe tf) {
        this.symbol = symbol;
        this.tf = tf;
    }

    /** Adds a fine bar; returns up to two coarse bars completed by it (a flushed one, then its own). */
    Candle[] add(Candle fine) {
        long start = fine.start().getEpochSecond();
        long b = tf.bucketStartSec(start);
        Candle flushed = null;
        if (bucket != Long.MIN_VALUE && b != bucket) {
            flushed = emit();
        }
        if (bucket == Long.MIN_VALUE) {
            bucket = b;
            open = fine.open();
            high = fine.high();
            low = fine.low();
            volume = 0;
        }
        high = Math.max(high, fine.high());
        low = Math.min(low, fine.low());
        close = fine.close();
        volume += fine.volume();
        Candle done = start + fine.granularitySec() >= bucket + tf.seconds() ? emit() : null;
        if (flushed == null) {
            return done == null ? NONE : new Candle[]{done};
        }
        return done == null ? new Candle[]{flushed} : new Candle[]{flushed, done};
    }

    private static final Candle[] NONE = new Candle[0];

    private Candle emit() {
        Candle c = new Candle(symbol, tf.seconds(), java.time.Instant.ofEpochSecond(bucket), open, high, low, close, volume);
        bucket = Long.MIN_VALUE;
        return c;
    }
}
