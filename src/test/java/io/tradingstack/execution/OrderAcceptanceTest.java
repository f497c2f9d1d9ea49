package io.tradingstack.execution;

import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.LedgerActivitiesImpl;
import io.tradingstack.ledger.LedgerDb;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.ledger.PostedFill;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acceptance scenarios on the real embedded PostgreSQL and Temporal. */
class OrderAcceptanceTest {

    static OrderIntent market(String symbol, Side side, String qty) {
        return new OrderIntent(symbol, side, new BigDecimal(qty), null, OrderType.MARKET, null, null);
    }

    static OrderResult placeOne(OrderStack stack, OrderIntent intent) {
        return stack.orders().place(new PlaceOrderRequest(UUID.randomUUID().toString(), List.of(intent), false)).get(0);
    }

    /** Posts the fill for real, then fails the first attempt as if the worker died before reporting. */
    static final class CrashAfterCommit implements ExecutionActivities {
        final ExecutionActivities real;
        final AtomicInteger attempts = new AtomicInteger();

        CrashAfterCommit(ExecutionActivities real) {
            this.real = real;
        }

        @Override
        public Fill fillMarket(String orderId, OrderIntent intent, int seq) {
            Fill fill = real.fillMarket(orderId, intent, seq);
            if (attempts.getAndIncrement() == 0) {
                throw new IllegalStateException("injected: activity lost after the fill was committed");
            }
            return fill;
        }

        @Override
        public List<Prepared> prepare(String requestId, List<OrderIntent> intents, boolean allOrNothing) {
            return real.prepare(requestId, intents, allOrNothing);
        }

        @Override
        public Fill fillLimit(String orderId, OrderIntent intent, BigDecimal remaining, int seq, Tick tick) {
            return real.fillLimit(orderId, intent, remaining, seq, tick);
        }

        @Override
        public io.tradingstack.model.OrderStatus close(String orderId, io.tradingstack.model.OrderStatus status) {
            return real.close(orderId, status);
        }

        @Override
        public OrderResult existing(String orderId, OrderIntent intent) {
            return real.existing(orderId, intent);
        }

        @Override
        public void watch(String orderId, OrderIntent intent, boolean on) {
            real.watch(orderId, intent, on);
        }

        @Override
        public void recordFill(Fill fill) {
            real.recordFill(fill);
        }
    }

    @Test
    void aRetryAfterTheFillCommitPostsNothingTwice() throws Exception {
        CrashAfterCommit[] crash = new CrashAfterCommit[1];
        try (OrderStack stack = new OrderStack(LedgerDb.fresh(), Map.of(), ctx -> worker -> {
            worker.registerWorkflowImplementationTypes(WorkflowRegistry.WORKFLOWS.toArray(new Class<?>[0]));
            crash[0] = new CrashAfterCommit(new ExecutionActivitiesImpl(ctx));
            worker.registerActivitiesImplementations(new LedgerActivitiesImpl(ctx.vertx()), crash[0]);
        })) {
            OrderResult r = placeOne(stack, market("BTC-USD", Side.BUY, "0.01"));
            assertEquals(OrderStatus.FILLED, r.status(), r::toString);
            assertEquals(2, crash[0].attempts.get(), "the activity ran twice");
            LedgerVerifier.Report report = stack.verify();
            assertTrue(report.ok(), report::render);
            assertEquals(1L, report.figures().get("fills"));
            assertEquals(2L, report.figures().get("journal entries"));
        }
    }

    @Test
    void twoHundredConcurrentOrdersFromTwentyClientsStayBalancedAndNeverOverdraw() throws Exception {
        // exposure and daily loss limits at 100 %: this test is about cash running out at the ledger under
        // concurrency (200 round trips at 60 bps fees lose more than the default 5 % daily loss)
        try (OrderStack stack = new OrderStack(Map.of("RISK_MAX_SYMBOL_EXPOSURE_PCT", "100", "RISK_MAX_PORTFOLIO_EXPOSURE_PCT", "100",
                "RISK_MAX_DAILY_LOSS_PCT", "100"))) {
            ExecutorService clients = Executors.newFixedThreadPool(20);
            List<Future<List<OrderResult>>> done = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    List<OrderResult> mine = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        Side side = (client + i) % 4 == 3 ? Side.SELL : Side.BUY;
                        mine.add(placeOne(stack, market("ETH-USD", side, "0.25")));
                    }
                    return mine;
                }));
            }
            List<OrderResult> all = new ArrayList<>();
            for (Future<List<OrderResult>> f : done) {
                all.addAll(f.get());
            }
            clients.shutdown();
            assertEquals(200, all.size());
            long filled = all.stream().filter(r -> OrderStatus.FILLED == r.status()).count();
            Set<ErrorCode> codes = Set.of(ErrorCode.ORDER_INSUFFICIENT_CASH, ErrorCode.ORDER_INSUFFICIENT_HOLDINGS);
            all.stream().filter(r -> OrderStatus.FILLED != r.status())
                    .forEach(r -> assertTrue(codes.contains(r.code()), r::toString));
            assertTrue(filled > 0 && filled < 200, "cash must run out part-way: filled " + filled);
            LedgerVerifier.Report report = stack.verify();
            assertTrue(report.ok(), report::render);
            assertEquals(filled, report.figures().get("fills"));
            assertTrue(new BigDecimal((String) report.figures().get("cash")).signum() >= 0);
        }
    }

    @Test
    void afterARestartStatusAndHistoryAreExactlyAsBefore() throws Exception {
        LedgerDb db = LedgerDb.fresh();
        JsonObject status;
        JsonObject history;
        List<PostedFill> workflowHistory;
        OrderResult resting;
        try (OrderStack first = new OrderStack(db, Map.of(), null)) {
            placeOne(first, market("BTC-USD", Side.BUY, "0.02"));
            placeOne(first, market("ETH-USD", Side.BUY, "0.5"));
            OrderResult last = placeOne(first, market("BTC-USD", Side.SELL, "0.01"));
            resting = placeOne(first, new OrderIntent("ETH-USD", Side.BUY, new BigDecimal("0.1"), new BigDecimal("2990"),
                    OrderType.LIMIT, null, null));
            assertEquals(OrderStatus.OPEN, resting.status());
            String lastFill = last.fills().get(0).fillId();
            Eventually.eventually(Duration.ofSeconds(20), "ledger workflow caught up", () -> first.ledgerWorkflow().transactionHistory(null, 100, null)
                    .stream().anyMatch(f -> f.fill().fillId().equals(lastFill)));
            status = first.query(LedgerQuery.of(LedgerQuery.Kind.STATUS));
            history = first.query(LedgerQuery.history(null, 100, null));
            workflowHistory = first.ledgerWorkflow().transactionHistory(null, 100, null);
        }
        // an embedded Temporal does not survive a restart: the resting order's workflow is gone
        TestInfra.temporal().client().newUntypedWorkflowStub(DurableNames.RestingOrder.id(resting.orderId()))
                .terminate("simulated loss of the Temporal service");
        try (OrderStack second = new OrderStack(db, Map.of(), null)) {
            JsonObject statusAfter = second.query(LedgerQuery.of(LedgerQuery.Kind.STATUS));
            status.remove("asOf");
            statusAfter.remove("asOf");
            assertEquals(status, statusAfter);
            assertEquals(history, second.query(LedgerQuery.history(null, 100, null)));
            Eventually.eventually(Duration.ofSeconds(20), "ledger workflow rebuilt", () -> !second.ledgerWorkflow().transactionHistory(null, 100, null).isEmpty());
            assertEquals(workflowHistory, second.ledgerWorkflow().transactionHistory(null, 100, null));
            assertFalse(workflowHistory.isEmpty());
            assertTrue(second.verify().ok());
            // the new stack finds the open order in PostgreSQL and resumes it
            String restingId = resting.orderId();
            Eventually.eventually(Duration.ofSeconds(20), "resting order resumed", () -> second.watching(restingId));
            second.publish("ETH-USD", "2989", "2990", "1");
            OrderResult done = second.orders().awaitResting(restingId, Duration.ofSeconds(30));
            assertEquals(OrderStatus.FILLED, done.status(), done::toString);
            assertTrue(second.verify().ok());
        }
    }
}
