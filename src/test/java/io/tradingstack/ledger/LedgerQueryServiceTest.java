package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Side;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The ledger's read side and the equity sampler without a verticle or a bus: a real PostgreSQL
 * ledger, marks from a fixed price source, a fixed clock.
 */
class LedgerQueryServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
    private static io.vertx.core.Vertx vertx;
    private static io.vertx.core.Context context;

    @org.junit.jupiter.api.BeforeAll
    static void up() {
        vertx = io.vertx.core.Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @org.junit.jupiter.api.AfterAll
    static void down() {
        vertx.close().await();
    }

    /** The ledger is single-context; every call goes through this one. */
    private static <T> T on(java.util.function.Supplier<Future<T>> op) {
        return Future.<T>future(p -> context.runOnContext(v -> op.get().onComplete(p))).await();
    }

    private static Ledger ledger() {
        Pool pool = LedgerDb.fresh().pool(vertx, 4);
        Ledger ledger = new Ledger(pool, "USD", new BigDecimal("0.2"), new BigDecimal("10000"));
        on(ledger::start);
        on(() -> ledger.postFill(LedgerDbTest.fill("b1", null, Side.BUY, "0.1", "50000", "30")));
        return ledger;
    }

    @Test
    void answersAreTypedAndMarkedAtTheSourcesMids() {
        Ledger ledger = ledger();
        PriceSource prices = symbols -> Future.succeededFuture(Map.of("BTC-USD", new BigDecimal("51000")));
        LedgerQueryService queries = new LedgerQueryService(ledger, prices, 60, Clock.fixed(NOW, ZoneOffset.UTC));

        PortfolioStatus status = (PortfolioStatus) on(() -> queries.answer(LedgerQuery.of(LedgerQuery.Kind.STATUS)));
        assertEquals(NOW, status.asOf());
        assertEquals(new BigDecimal("4970"), status.cash());
        PortfolioStatus.Position btc = status.positions().get(0);
        assertEquals(new BigDecimal("51000"), btc.mark());
        assertEquals(new BigDecimal("5100"), btc.marketValue());
        assertEquals(new BigDecimal("100"), btc.unrealizedPnl());
        assertEquals(List.of(), status.unmarked());
        assertEquals(new BigDecimal("10070"), status.equity());

        LedgerReport.History history = (LedgerReport.History) on(() -> queries.answer(LedgerQuery.history(Instant.EPOCH, 10, null)));
        assertEquals(List.of("b1"), history.fills().stream().map(p -> p.fill().fillId()).toList());
        LedgerSnapshot snapshot = on(() -> queries.snapshot(LedgerQuery.snapshot(0, null, 10)));
        assertEquals("10070", snapshot.status().get("equity"), "the workflow's copy holds amounts as exact text");
        assertEquals(1, snapshot.fills().size());

        io.vertx.core.AsyncResult<Object> unknown = on(() -> queries.answer(LedgerQuery.order("nope"))
                .transform(ar -> Future.succeededFuture(ar)));
        assertEquals(ErrorCode.ORDER_NOT_FOUND, ((CodedException) unknown.cause()).code());
    }

    @Test
    void aPositionWithoutAMarkIsValuedAtCostAndTheSamplerWritesItsInstant() {
        Ledger ledger = ledger();
        PriceSource none = symbols -> Future.succeededFuture(Map.of());
        PortfolioStatus status = on(() -> new LedgerQueryService(ledger, none, 60, Clock.fixed(NOW, ZoneOffset.UTC)).status());
        assertNull(status.positions().get(0).mark());
        assertEquals(List.of("BTC-USD"), status.unmarked());
        assertEquals(new BigDecimal("9970"), status.equity(), "cash 4970 + the position at its cost 5000");

        EquitySampler sampler = new EquitySampler(ledger, none, 60);
        assertEquals(NOW.plusSeconds(60).toEpochMilli(), sampler.nextAt(NOW.toEpochMilli()));
        assertEquals(NOW.plusSeconds(60).toEpochMilli(), sampler.nextAt(NOW.plusSeconds(59).toEpochMilli()));
        on(() -> sampler.sample(NOW));
        List<EquitySample> curve = on(() -> ledger.queries().equityCurve(Instant.EPOCH));
        assertEquals(1, curve.size());
        assertEquals(NOW, curve.get(0).time());
        assertEquals(0, new BigDecimal("9970").compareTo(curve.get(0).equity()));
    }
}
