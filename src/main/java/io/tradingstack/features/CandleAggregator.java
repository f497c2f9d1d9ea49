package io.tradingstack.features;

import io.tradingstack.model.Candle;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds OHLCV candles of one symbol and timeframe from trades, on UTC boundaries.
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
    private final String symbol;
    private final Timeframe timeframe;
    private final long graceMillis;

    private boolean open;
    private long barStartSec;
    private long firstTickMs;
    private long lastTickMs;
    private double o;
    private double h;
    private double l;
    private double c;
    private double v;
    private long closedUntilSec = Long.MIN_VALUE;
    private long late;
    private long ticks;

    public CandleAggregator(String symbol, Timeframe timeframe, long graceMillis) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        if (graceMillis < 0) {
            throw new IllegalArgumentException("grace must be >= 0");
        }
        this.graceMillis = graceMillis;
    }

    /**
     * Adds a trade.
     *
     * @return the bar this tick closed, or null
     */
    public Candle onTrade(Instant time, double price, double size) {
        long ms = time.toEpochMilli();
        long bucket = timeframe.bucketStartSec(Math.floorDiv(ms, 1000L));
        if (bucket < closedUntilSec || (open && bucket < barStartSec)) {
            late++;
            return null;
        }
        ticks++;
        Candle closed = null;
        if (open && bucket > barStartSec) {
            closed = close();
        }
        if (!open) {
            open = true;
            barStartSec = bucket;
            firstTickMs = ms;
            lastTickMs = ms;
            o = price;
            h = price;
            l = price;
            c = price;
            v = size;
            return closed;
        }
        if (ms < firstTickMs) {
            firstTickMs = ms;
            o = price;
        }
        if (ms >= lastTickMs) {
            lastTickMs = ms;
            c = price;
        }
        h = Math.max(h, price);
        l = Math.min(l, price);
        v += size;
        return null;
    }

    /** Closes the open bar if {@code now} is past its end plus the grace period. */
    public Candle closeIfDue(Instant now) {
        if (open && now.toEpochMilli() >= (barStartSec + timeframe.seconds()) * 1000L + graceMillis) {
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
        open = false;
        closedUntilSec = barStartSec + timeframe.seconds();
        return new Candle(symbol, timeframe.seconds(), Instant.ofEpochSecond(barStartSec), o, h, l, c, v);
    }

    /** The bar being built (its close so far), or null when no bar is open. */
    public Candle openBar() {
        return open ? new Candle(symbol, timeframe.seconds(), Instant.ofEpochSecond(barStartSec), o, h, l, c, v) : null;
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
        return open ? new Candle(symbol, timeframe.seconds(), Instant.ofEpochSecond(barStartSec), o, h, l, c, v) : null;
    }
}
