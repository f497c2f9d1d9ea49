package io.tradingstack.ledger;

import io.vertx.core.Future;

import java.time.Instant;

/**
 * Samples the equity curve: at every multiple of the interval (wall clock, so nodes and restarts
 * agree on the instants) the book marked at the latest mids goes into {@code equity_samples}. A
 * sample that cannot be taken is skipped; the next one comes at its time.
 */
public final class EquitySampler {
    private final Ledger ledger;
    private final PriceSource prices;
    private final long intervalMs;

    public EquitySampler(Ledger ledger, PriceSource prices, long intervalSeconds) {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("sampling interval must be > 0 s");
        }
        this.ledger = ledger;
        this.prices = prices;
        this.intervalMs = intervalSeconds * 1000;
    }

    /** The next sampling instant strictly after {@code nowMs}. */
    public long nextAt(long nowMs) {
        return (Math.floorDiv(nowMs, intervalMs) + 1) * intervalMs;
    }

    /** Writes the sample of instant {@code at}; completes (never fails) once written or skipped. */
    public Future<Void> sample(Instant at) {
        return ledger.book().map(b -> java.util.List.copyOf(b.openSymbols())).compose(prices::mids)
                .compose(marks -> ledger.book().map(b -> new EquitySample(at, b.equity(marks), b.cash(), b.reserve(),
                        PortfolioView.exposure(b, marks))))
                .compose(ledger.queries()::insertSample)
                .otherwiseEmpty();
    }
}
