package io.tradingstack.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Body of {@code ts.ledger.query}: which view of the ledger, with that view's parameters (the
 * others null). The answers are JSON views rendered for the edges (dashboard, MCP, HTTP) and for
 * the ledger workflow's snapshot.
 */
public record LedgerQuery(Kind kind, String orderId, String fillId, Instant since, Long windowSeconds, Integer limit,
                          String symbol, Long fillsAfter, Instant samplesAfter) {

    public enum Kind {
        /** Cash, positions and equity marked at the latest ticks. */
        STATUS,
        /** Exposure and concentration. */
        RISK,
        /** Fills, newest first, since a time, optionally of one symbol. */
        HISTORY,
        /** One order with its fills. */
        ORDER,
        /** One posted fill. */
        FILL,
        /** Performance metrics since a time or over a window. */
        PERFORMANCE,
        /** Status, risk, and the fills and equity samples after the caller's marks. */
        SNAPSHOT,
        /** Open limit orders (for the resting-order watch after a restart). */
        OPEN_ORDERS,
        /** Equity samples since a time, the last {@code limit} of them. */
        EQUITY
    }

    public LedgerQuery {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ORDER && orderId == null) || (kind == Kind.FILL && fillId == null)) {
            throw new IllegalArgumentException(kind + " needs its id");
        }
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    public static LedgerQuery of(Kind kind) {
        return new LedgerQuery(kind, null, null, null, null, null, null, null, null);
    }

    public static LedgerQuery order(String orderId) {
        return new LedgerQuery(Kind.ORDER, orderId, null, null, null, null, null, null, null);
    }

    public static LedgerQuery fill(String fillId) {
        return new LedgerQuery(Kind.FILL, null, fillId, null, null, null, null, null, null);
    }

    public static LedgerQuery history(Instant since, Integer limit, String symbol) {
        return new LedgerQuery(Kind.HISTORY, null, null, since, null, limit, symbol, null, null);
    }

    public static LedgerQuery performance(Instant since, Long windowSeconds) {
        return new LedgerQuery(Kind.PERFORMANCE, null, null, since, windowSeconds, null, null, null, null);
    }

    public static LedgerQuery equity(Instant since, int limit) {
        return new LedgerQuery(Kind.EQUITY, null, null, since, null, limit, null, null, null);
    }

    public static LedgerQuery snapshot(long fillsAfter, Instant samplesAfter, int limit) {
        return new LedgerQuery(Kind.SNAPSHOT, null, null, null, null, limit, null, fillsAfter, samplesAfter);
    }

    /** The start of the window: {@code now - windowSeconds}, else {@code since}, else the epoch. */
    public Instant from(Instant now) {
        if (windowSeconds != null) {
            return now.minusSeconds(windowSeconds);
        }
        return since == null ? Instant.EPOCH : since;
    }
}
