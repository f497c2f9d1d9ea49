package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PostgreSQL ledger against the real embedded server: posting, idempotency, constraints, concurrency, restart. */
class LedgerDbTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static Vertx vertx;
    private static Context context;

    @BeforeAll
    static void up() {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
    }

    @AfterAll
    static void down() {
        vertx.close().await();
    }

    /** The ledger is single-context; every call goes through this one. */
    static <T> T on(Supplier<Future<T>> op) {
        return Future.<T>future(p -> context.runOnContext(v -> op.get().onComplete(p))).await();
    }

    static Ledger ledger(Pool pool, String initial) {
        Ledger ledger = new Ledger(pool, "USD", new BigDecimal("0.2"), new BigDecimal(initial));
        on(ledger::start);
        return ledger;
    }

    static Fill fill(String id, String order, Side side, String qty, String price, String fee) {
        return new Fill(id, order, "BTC-USD", side, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(fee),
                Liquidity.TAKER, T);
    }

    static LedgerVerifier.Report verify(LedgerDb db) throws SQLException {
        try (Connection c = db.jdbc()) {
            return new LedgerVerifier(c).verify();
        }
    }

    @Test
    void postingRulesPersistAndSurviveRestart() throws SQLException {
        LedgerDb db = LedgerDb.fresh();
        Pool pool = db.pool(vertx, 4);
        Ledger ledger = ledger(pool, "10000");
        on(() -> ledger.postFill(fill("b1", null, Side.BUY, "0.1", "50000", "30")));
        PostedFill partial = on(() -> ledger.postFill(fill("s1", null, Side.SELL, "0.04", "60000", "14.4")));
        assertEquals(0, new BigDecimal("400").compareTo(partial.realizedPnl()));
        assertTrue(verify(db).ok(), () -> verify0(db));
        Portfolio before = on(ledger::book);
        PortfolioTest.assertEq("7278.48", before.cash());
        PortfolioTest.assertEq("77.12", before.reserve());
        Map<String, BigDecimal> balances = before.balances();
        List<PostedFill> history = on(() -> ledger.queries().history(null, 100, null));

        Ledger restarted = ledger(db.pool(vertx, 2), "10000");
        Portfolio after = on(restarted::book);
        assertEquals(balances, after.balances());
        assertEquals(history, on(() -> restarted.queries().history(null, 100, null)));
        assertEquals(3, after.entryCount());
        on(() -> restarted.postFill(fill("s2", null, Side.SELL, "0.06", "45000", "16.2")));
        PortfolioTest.assertEq("9962.28", on(restarted::book).cash());
        assertTrue(verify(db).ok(), () -> verify0(db));
    }

    private static String verify0(LedgerDb db) {
        try {
            return verify(db).render();
        } catch (SQLException e) {
            return e.toString();
        }
    }

    /** The posting-rule table of {@link PortfolioTest}, through PostgreSQL, verified after every scenario. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("io.tradingstack.ledger.PortfolioTest#scenarios")
    void postingRulesThroughPostgres(PortfolioTest.Scenario s) throws SQLException {
        LedgerDb db = LedgerDb.fresh();
        Ledger ledger = new Ledger(db.pool(vertx, 2), "USD", new BigDecimal(s.scrapePct()).movePointLeft(2), new BigDecimal("10000"));
        on(ledger::start);
        for (Fill f : s.fills()) {
            on(() -> ledger.postFill(f));
            LedgerVerifier.Report report = verify(db);
            assertTrue(report.ok(), report::render);
        }
        Ledger again = new Ledger(db.pool(vertx, 1), "USD", new BigDecimal(s.scrapePct()).movePointLeft(2), BigDecimal.ZERO);
        on(again::start);
        Portfolio reloaded = on(again::book);
        PortfolioTest.assertEq(s.cash(), reloaded.cash());
        PortfolioTest.assertEq(s.reserve(), reloaded.reserve());
        PortfolioTest.assertEq(s.position(), reloaded.position("BTC-USD"));
        PortfolioTest.assertEq(s.realized(), reloaded.realizedPnl());
        PortfolioTest.assertEq(s.fees(), reloaded.fees());
    }

    @Test
    void aFillIdIsPostedOnceAndRejectionsWriteNothing() throws SQLException {
        LedgerDb db = LedgerDb.fresh();
        Ledger ledger = ledger(db.pool(vertx, 4), "1000");
        Fill f = fill("f1", null, Side.BUY, "0.01", "50000", "3");
        assertFalse(on(() -> ledger.postFill(f)).duplicate());
        Fill sameIdOtherPrice = fill("f1", null, Side.BUY, "0.01", "51000", "3");
        PostedFill again = on(() -> ledger.postFill(sameIdOtherPrice));
        assertTrue(again.duplicate());
        assertEquals(0, new BigDecimal("50000").compareTo(again.fill().price()));
        CodedException overdraft = assertThrows(CodedException.class,
                () -> on(() -> ledger.postFill(fill("f2", null, Side.BUY, "1", "50000", "0"))));
        assertEquals(ErrorCode.ORDER_INSUFFICIENT_CASH, overdraft.code());
        LedgerVerifier.Report report = verify(db);
        assertTrue(report.ok(), report::render);
        assertEquals(2L, report.figures().get("journal entries"));
        assertEquals(1L, report.figures().get("fills"));
    }

    @Test
    void theDatabaseRejectsUnbalancedEntriesAndEdits() throws SQLException {
        LedgerDb db = LedgerDb.fresh();
        ledger(db.pool(vertx, 1), "1000");
        try (Connection c = db.jdbc(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO journal_entries (id, idempotency_key, kind, occurred_at, description)"
                    + " VALUES (999, 'bad', 'funding', now(), 'unbalanced')");
            s.execute("INSERT INTO postings (entry_id, account, currency, debit, credit) VALUES (999, 'cash', 'USD', 5, 0)");
            SQLException e = assertThrows(SQLException.class, c::commit);
            assertTrue(e.getMessage().contains("does not balance"), e.getMessage());
            c.rollback();
            c.setAutoCommit(true);
            SQLException edit = assertThrows(SQLException.class, () -> s.execute("UPDATE postings SET debit = debit + 1"));
            assertTrue(edit.getMessage().contains("append-only"), edit.getMessage());
        }
        assertTrue(verify(db).ok());
    }

    @Test
    void concurrentFillsFromManyClientsNeverOverdraw() throws SQLException {
        LedgerDb db = LedgerDb.fresh();
        Ledger ledger = ledger(db.pool(vertx, 8), "10000");
        List<Future<PostedFill>> all = new ArrayList<>();
        on(() -> {
            for (int client = 0; client < 20; client++) {
                for (int i = 0; i < 10; i++) {
                    Side side = i % 3 == 2 ? Side.SELL : Side.BUY;
                    all.add(ledger.postFill(fill("c" + client + "-" + i, null, side, "0.003", "60000", "1.08")));
                }
            }
            return Future.join(new ArrayList<>(all)).otherwiseEmpty();
        });
        long posted = all.stream().filter(Future::succeeded).count();
        long rejected = all.stream().filter(Future::failed).peek(f -> {
            ErrorCode code = ((CodedException) f.cause()).code();
            assertTrue(code == ErrorCode.ORDER_INSUFFICIENT_CASH || code == ErrorCode.ORDER_INSUFFICIENT_HOLDINGS, code::name);
        }).count();
        assertEquals(200, posted + rejected);
        assertTrue(rejected > 0, "the scenario must exhaust the cash");
        Portfolio book = on(ledger::book);
        assertTrue(book.cash().signum() >= 0);
        assertTrue(book.position("BTC-USD").signum() >= 0);
        LedgerVerifier.Report report = verify(db);
        assertTrue(report.ok(), report::render);
        assertEquals(posted, report.figures().get("fills"));
    }

    @Test
    void reservationsHoldFundsAndAllOrNothingWritesNothing() throws SQLException {
        LedgerDb db = LedgerDb.fresh();
        Ledger ledger = ledger(db.pool(vertx, 2), "1000");
        OrderRequest a = buy("o1", "c1", "600");
        OrderRequest b = buy("o2", "c2", "600");
        List<ReserveResult> batch = on(() -> ledger.reserve(List.of(a, b), true));
        assertTrue(batch.stream().allMatch(r -> ReserveResult.Outcome.REJECTED.equals(r.status())), batch::toString);
        assertEquals(0L, verify(db).figures().get("orders"));
        List<ReserveResult> single = on(() -> ledger.reserve(List.of(a, b), false));
        assertEquals(ReserveResult.Outcome.ACCEPTED, single.get(0).status());
        assertEquals(ErrorCode.ORDER_INSUFFICIENT_CASH, single.get(1).code());
        PortfolioTest.assertEq("400", on(ledger::book).availableCash());
        ReserveResult dup = on(() -> ledger.reserve(List.of(buy("o9", "c1", "1")), false)).get(0);
        assertEquals(ReserveResult.Outcome.DUPLICATE, dup.status());
        assertEquals("o1", dup.orderId());
        PostedFill filled = on(() -> ledger.postFill(fill("o1-1", "o1", Side.BUY, "0.01", "50000", "2")));
        assertEquals(OrderStatus.FILLED, filled.orderStatus());
        PortfolioTest.assertEq("498", on(ledger::book).availableCash());
        LedgerVerifier.Report report = verify(db);
        assertTrue(report.ok(), report::render);
    }

    static OrderRequest buy(String id, String client, String hold) {
        return new OrderRequest("req-" + id, id, client, "BTC-USD", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("0.01"), new BigDecimal("50000"), new BigDecimal(hold), BigDecimal.ZERO);
    }
}
