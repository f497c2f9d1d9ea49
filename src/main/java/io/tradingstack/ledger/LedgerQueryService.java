package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The ledger's read side: answers every {@link LedgerQuery} kind with a typed value, positions
 * marked at the {@link PriceSource}'s mids. Plain: no bus, no verticle; the verticle replies with
 * what this returns.
 */
public final class LedgerQueryService {
    /** Keeps a snapshot well under Temporal's payload limit (2 MB). */
    static final int MAX_SNAPSHOT_SAMPLES = 5000;
    private static final int DEFAULT_HISTORY = 100;
    private static final int DEFAULT_SNAPSHOT_FILLS = 1000;
    private final Ledger ledger;
    private final PriceSource prices;
    private final long sampleSeconds;
    private final Clock clock;

    public LedgerQueryService(Ledger ledger, PriceSource prices, long sampleSeconds, Clock clock) {
        this.ledger = ledger;
        this.prices = prices;
        this.sampleSeconds = sampleSeconds;
        this.clock = clock;
    }

    /** The answer of one query; a malformed one fails with BUS_BAD_MESSAGE, an unknown order with ORDER_NOT_FOUND. */
    public Future<Object> answer(LedgerQuery q) {
        try {
            return dispatch(q).map(Object.class::cast);
        } catch (RuntimeException e) {
            return Future.failedFuture(new CodedException(ErrorCode.BUS_BAD_MESSAGE, String.valueOf(e.getMessage())));
        }
    }

    private Future<?> dispatch(LedgerQuery q) {
        Instant now = clock.instant();
        return switch (q.kind()) {
            case STATUS -> status();
            case RISK -> marked().compose(marks -> ledger.book().map(b ->
                    new LedgerReport.Figures(PortfolioView.risk(b, marks, clock.instant()))));
            case HISTORY -> ledger.queries().history(q.from(now), q.limit() == null ? DEFAULT_HISTORY : q.limit(), q.symbol())
                    .map(LedgerReport.History::new);
            case ORDER -> order(q.orderId());
            case FILL -> ledger.queries().postedFill(q.fillId(), false);
            case PERFORMANCE -> performance(q.from(now)).map(LedgerReport.Figures::new);
            case SNAPSHOT -> snapshot(q);
            case OPEN_ORDERS -> ledger.queries().openLimitOrders().map(StoredOrder.Open::new);
            case EQUITY -> ledger.queries().equityCurve(q.from(now)).map(s -> new LedgerReport.Equity(
                    s.subList(Math.max(0, s.size() - (q.limit() == null ? MAX_SNAPSHOT_SAMPLES : q.limit())), s.size()),
                    sampleSeconds));
        };
    }

    public Future<PortfolioStatus> status() {
        return marked().compose(marks -> ledger.book().map(b -> PortfolioView.status(b, marks, clock.instant())));
    }

    public Future<StoredOrder> order(String orderId) {
        return ledger.queries().order(orderId).compose(o -> o == null
                ? Future.failedFuture(new CodedException(ErrorCode.ORDER_NOT_FOUND, "order " + orderId))
                : ledger.queries().fillsOfOrder(o.orderId()).map(o::withFills));
    }

    public Future<Map<String, Object>> performance(Instant since) {
        return ledger.queries().equityCurve(since).compose(curve -> ledger.queries().tradeResults(since)
                .map(trades -> {
                    Map<String, Object> out = new java.util.LinkedHashMap<>(
                            Analytics.performance(curve, trades.stream().map(TradeResult::net).toList(), sampleSeconds));
                    out.put("since", since.toString());
                    return out;
                }));
    }

    /** Status, risk, and what changed after the caller's marks (fill entry id, sample time): what the ledger workflow holds. */
    public Future<LedgerSnapshot> snapshot(LedgerQuery q) {
        Instant samplesAfter = q.samplesAfter() == null ? Instant.EPOCH : q.samplesAfter();
        long fillsAfter = q.fillsAfter() == null ? 0L : q.fillsAfter();
        int limit = q.limit() == null ? DEFAULT_SNAPSHOT_FILLS : q.limit();
        return marked().compose(marks -> ledger.book().map(b -> new Views(
                        PortfolioView.asMap(PortfolioView.status(b, marks, clock.instant())),
                        PortfolioView.risk(b, marks, clock.instant()))))
                .compose(views -> ledger.queries().fillsAfter(fillsAfter, limit)
                        .compose(fills -> ledger.queries().equityCurve(samplesAfter.plusNanos(1))
                                .map(s -> new LedgerSnapshot(views.status(), views.risk(), fills,
                                        s.subList(Math.max(0, s.size() - MAX_SNAPSHOT_SAMPLES), s.size()), sampleSeconds))));
    }

    private record Views(Map<String, Object> status, Map<String, Object> risk) {
    }

    /** Latest mid of every open symbol; symbols without a tick stay unmarked. */
    Future<Map<String, BigDecimal>> marked() {
        return ledger.book().map(b -> List.copyOf(b.openSymbols())).compose(prices::mids);
    }
}
