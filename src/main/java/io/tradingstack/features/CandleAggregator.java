package io.tradingstack.features;

import io.tradingstack.model.Candle;
import io.tradingstack.model.CandleBucket;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds OHLCV candles of one symbol and timeframe from trades, by the bucketing rules of
 * {@link CandleBucket} (UTC boundaries, half-open buckets, open of the earliest trade, close of the latest).
 *
 * <p>Late and out-of-order policy:
 * <ul>
 *   <li>A tick inside the open bar is merged whatever its order: open is the price of the
 *   earliest tick by event time, close the price of the latest, high/low/volume are order-free.</li>
 *   <li>A tick of a later bar closes the open bar (returned) and opens the new one. Bars with no
 *   trade are not invented (as in exchange candles); indicators count bars, not clock periods.</li>
 *   <li>The open bar also closes when the clock passes its end plus a grace period
 *   ({@link #closeIfDue(Instant)}), so a quiet market still produces its bar on time.</li>
 *   <li>A tick of a bar that is already closed is late: it is dropped and counted in
 *   {@link #late()}; closed bars are final because their vectors were already published.</li>
 * </ul>
 * Not thread-safe: one owner.
 */
public final class CandleAggregator {
    private final Timeframe timeframe;
    private final long graceMillis;
    private final CandleBucket bar;
    private long closedUntilSec = Long.MIN_VALUE;
    private long late;
    private long ticks;

    public CandleAggregator(String symbol, Timeframe timeframe, long graceMillis) {
        Objects.requireNonNull(symbol, "symbol");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        if (graceMillis < 0) {
            throw new IllegalArgumentException("grace must be >= 0");
        }
        this.graceMillis = graceMillis;
        this.bar = new CandleBucket(symbol, timeframe.seconds());
    }

    /**
     * Adds a trade.
     *
     * @return the bar this tick closed, or null
     */
    public Candle onTrade(Instant time, double price, double size) {
        long ms = time.toEpochMilli();
        long bucket = CandleBucket.startOfMillis(ms, timeframe.seconds());
        if (bucket < closedUntilSec || (!bar.isEmpty() && bucket < bar.startSec())) {
            late++;
            return null;
        }
        ticks++;
        Candle closed = !bar.isEmpty() && bucket > bar.startSec() ? close() : null;
        bar.addTrade(ms, price, size);
        return closed;
    }

    /** Closes the open bar if {@code now} is past its end plus the grace period. */
    public Candle closeIfDue(Instant now) {
        if (!bar.isEmpty() && now.toEpochMilli() >= bar.endSec() * 1000L + graceMillis) {
            return close();
        }
        return null;
    }

    /**
     * Declares every bar before {@code startSec} closed, e.g. after a warm-up from history so that
     * ticks replayed from that period count as late instead of reopening it.
     */
    public void markClosedBefore(long startSec) {
        closedUntilSec = Math.max(closedUntilSec, startSec);
    }

    private Candle close() {
        closedUntilSec = bar.endSec();
        return bar.take();
    }

    /** The bar being built (its close so far), or null when no bar is open. */
    public Candle openBar() {
        return bar.peek();
    }

    public long late() {
        return late;
    }

    public long ticks() {
        return ticks;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** The bar being built, or null. */
    public Candle current() {
        return bar.peek();
    }
}
