package io.tradingstack.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The one candle-bucketing core: the features engine (trades into bars), the replay exchange
 * (recorded 1-minute rows into Coinbase candles of any granularity), the backtest resampler and the
 * strategy roll-up (fine bars into coarse bars) all build their candles here, so they share these
 * edge rules:
 * <ol>
 *   <li><b>Alignment.</b> A bucket of L seconds starts at {@code floor(t / L) * L} epoch seconds
 *   (UTC; for lengths that divide a day these are the usual minute, hour and day boundaries) and is
 *   half-open, {@code [start, start + L)}: an input at exactly {@code start + L} belongs to the next
 *   bucket; a bar belongs to the bucket of its start.</li>
 *   <li><b>Merge.</b> Open is the open of the earliest input (the first of equal times), close the
 *   close of the latest (the last of equal times), high the maximum, low the minimum, volume the sum
 *   in arrival order.</li>
 *   <li><b>Completeness.</b> A bucket is complete once its inputs cover its end (a bar ending at or
 *   after {@code start + L}, see {@link #completeAt}). An input of a later bucket ends it as it is
 *   (after a gap in the data it is partial). Which incomplete bucket a caller may show is the
 *   caller's one decision, stated where it is made: the backtest drops a trailing one (a strategy
 *   never sees an open bar), the replay exchange serves it (as Coinbase serves the current candle),
 *   the features engine closes it when the clock passes its end plus a grace period.</li>
 *   <li>A bucket without input is never invented.</li>
 * </ol>
 * Mutable and not thread-safe: one owner builds one bucket at a time ({@link #take()} empties it).
 */
public final class CandleBucket {
    private final String symbol;
    private final int lengthSec;
    private boolean open;
    private long startSec;
    private long firstMs;
    private long lastMs;
    private double o;
    private double h;
    private double l;
    private double c;
    private double v;

    public CandleBucket(String symbol, int lengthSec) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        if (lengthSec <= 0) {
            throw new IllegalArgumentException("bucket length must be > 0 s");
        }
        this.lengthSec = lengthSec;
    }

    /** Rule 1: the start (epoch seconds) of the bucket of length {@code lengthSec} holding {@code epochSecond}. */
    public static long startOf(long epochSecond, int lengthSec) {
        return Math.floorDiv(epochSecond, lengthSec) * lengthSec;
    }

    /** The bucket holding the instant {@code epochMillis} (milliseconds before a boundary stay in the earlier bucket). */
    public static long startOfMillis(long epochMillis, int lengthSec) {
        return startOf(Math.floorDiv(epochMillis, 1000L), lengthSec);
    }

    /** Adds a trade at {@code epochMillis}; it must fall in this bucket when the bucket is not empty. */
    public void addTrade(long epochMillis, double price, double size) {
        add(epochMillis, price, price, price, price, size);
    }

    /** Adds a finer bar, placed by its start. */
    public void addBar(Candle bar) {
        add(bar.start().toEpochMilli(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /** Adds one input of the given time; the first input opens the bucket that holds it (rule 1). */
    public void add(long epochMillis, double open, double high, double low, double close, double volume) {
        long bucket = startOfMillis(epochMillis, lengthSec);
        if (!this.open) {
            this.open = true;
            startSec = bucket;
            firstMs = epochMillis;
            lastMs = epochMillis;
            o = open;
            h = high;
            l = low;
            c = close;
            v = volume;
            return;
        }
        if (bucket != startSec) {
            throw new IllegalArgumentException("input at " + Instant.ofEpochMilli(epochMillis) + " is outside the bucket "
                    + Instant.ofEpochSecond(startSec) + " + " + lengthSec + " s");
        }
        if (epochMillis < firstMs) {
            firstMs = epochMillis;
            o = open;
        }
        if (epochMillis >= lastMs) {
            lastMs = epochMillis;
            c = close;
        }
        h = Math.max(h, high);
        l = Math.min(l, low);
        v += volume;
    }

    public boolean isEmpty() {
        return !open;
    }

    /** Start of the open bucket (epoch seconds); meaningless when empty. */
    public long startSec() {
        return startSec;
    }

    /** End of the open bucket (exclusive, epoch seconds); meaningless when empty. */
    public long endSec() {
        return startSec + lengthSec;
    }

    public int lengthSec() {
        return lengthSec;
    }

    /** Rule 3: true when inputs covering time up to {@code coveredUntilSec} (exclusive) complete the bucket. */
    public boolean completeAt(long coveredUntilSec) {
        return open && coveredUntilSec >= endSec();
    }

    /** The bucket as a candle, or null when empty. */
    public Candle peek() {
        return open ? new Candle(symbol, lengthSec, Instant.ofEpochSecond(startSec), o, h, l, c, v) : null;
    }

    /** The bucket as a candle (null when empty); the bucket is empty afterwards. */
    public Candle take() {
        Candle out = peek();
        open = false;
        return out;
    }
}
