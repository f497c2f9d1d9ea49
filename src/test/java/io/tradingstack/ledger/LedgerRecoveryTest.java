package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

import static io.tradingstack.ledger.LedgerDbTest.fill;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ledger that stopped with orders in flight, reopened as a restarted process would: recovery
 * decides each one from what was committed, releases the holds of dead orders, and a fill or a
 * re-sent request for a decided order does nothing.
 */
class LedgerRecoveryTest {
    private static final io.vertx.core.Vertx VERTX = io.vertx.core.Vertx.vertx();
    private static final io.vertx.core.Context CONTEXT = VERTX.getOrCreateContext();

    /** The ledger is single-context; every call goes through this one. */
    static <T> T on(Supplier<io.vertx.core.Future<T>> op) {
        return io.vertx.core.Future.<T>future(p -> CONTEXT.runOnContext(v -> op.get().onComplete(p))).await();
    }

    static Ledger ledger(Pool pool) {
        Ledger ledger = new Ledger(pool, "USD", new BigDecimal("0.2"), new BigDecimal("10000"));
        on(ledger::start);
        return ledger;
    }

    @Test
    void ordersInFlightAreDecidedFromTheDatabase() throws Exception {
        LedgerDb db = LedgerDb.fresh();
        Pool pool = db.pool(VERTX, 4);
        Ledger before = ledger(pool);
        List<ReserveResult> held = on(() -> before.reserve(List.of(
                order("mkt", OrderType.MARKET, TimeInForce.GTC, "0.02", null, "1020"),
                order("ioc", OrderType.LIMIT, TimeInForce.IOC, "0.05", "50000", "2510"),
                order("gtc", OrderType.LIMIT, TimeInForce.GTC, "0.1", "49000", "4920"),
                order("done", OrderType.MARKET, TimeInForce.GTC, "0.01", null, "510")), false));
        assertTrue(held.stream().allMatch(ReserveResult::accepted), held.toString());
        on(() -> before.postFill(fill("done-1", "done", Side.BUY, "0.01", "50000", "3")));
        on(() -> before.postFill(fill("ioc-1", "ioc", Side.BUY, "0.02", "50000", "4")));

        // The process dies here. A new one opens the same database and recovers.
        Ledger after = ledger(pool);
        Recovery.Report report = on(after::recover);
        assertEquals(0, report.filled());
        assertEquals(2, report.cancelled(), "the market order and the IOC remainder");
        assertEquals(1, report.resting(), "the GTC limit order rests on");

        try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
            assertEquals("CANCELLED " + ErrorCode.ORDER_CANCELLED_BY_RECOVERY.name(), row(s, "mkt"));
            assertEquals("CANCELLED " + ErrorCode.ORDER_CANCELLED_BY_RECOVERY.name(), row(s, "ioc"));
            assertEquals("OPEN null", row(s, "gtc"));
            assertEquals("FILLED null", row(s, "done"));
            try (ResultSet rs = s.executeQuery("SELECT string_agg(order_id, ',') FROM reservations")) {
                rs.next();
                assertEquals("gtc", rs.getString(1), "only the resting order still holds");
            }
            LedgerVerifier.Report verify = new LedgerVerifier(c).verify();
            assertTrue(verify.ok(), verify.render());
        }
        Portfolio book = on(after::book);
        assertEquals(0, book.cash().subtract(book.availableCash()).compareTo(new BigDecimal("4920")),
                "only the GTC hold is set aside: " + book.cash() + " / " + book.availableCash());

        CodedException late = assertThrows(CodedException.class,
                () -> on(() -> after.postFill(fill("mkt-1", "mkt", Side.BUY, "0.02", "50000", "6"))));
        assertEquals(ErrorCode.ORDER_CLOSED, late.code(), "a late fill of a cancelled order is refused");

        List<ReserveResult> again = on(() -> after.reserve(List.of(
                order("mkt", OrderType.MARKET, TimeInForce.GTC, "0.02", null, "1020")), false));
        assertEquals(ReserveResult.Outcome.RECORDED, again.get(0).status(), "the same request gets its final outcome, nothing runs again");
        Recovery.Report second = on(after::recover);
        assertEquals(0, second.cancelled() + second.filled() + second.releasedHolds(), "recovery is idempotent");
        pool.close();
    }

    private static String row(Statement s, String orderId) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT status, close_code FROM orders WHERE order_id = '" + orderId + "'")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }

    private static OrderRequest order(String id, OrderType type, TimeInForce tif, String qty, String limit, String hold) {
        return new OrderRequest("req-" + id, id, "c-" + id, "BTC-USD", Side.BUY, type, tif, new BigDecimal(qty),
                limit == null ? null : new BigDecimal(limit), new BigDecimal(hold), BigDecimal.ZERO);
    }
}
