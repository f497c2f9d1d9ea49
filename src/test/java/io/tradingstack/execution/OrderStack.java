package io.tradingstack.execution;

import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.ledger.ExecutionLedgerWorkflow;
import io.tradingstack.ledger.LedgerDb;
import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.ledger.LedgerVerticle;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Vertx;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The order path on real infrastructure: a fresh ledger database on the embedded PostgreSQL, the
 * embedded Temporal, the ledger and execution verticles, a worker on a private task queue, and a
 * stand-in for the market feed's latest-tick endpoint replying with the ticks the test sets.
 */
final class OrderStack implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final LedgerDb db;
    final AppContext ctx;
    final String queue = TestInfra.uniqueQueue("orders");
    final Map<String, Tick> book = new ConcurrentHashMap<>();
    final AtomicLong tickRequests = new AtomicLong();
    /** When set, latest-tick replies wait for it: lets a test act while an order is in flight. */
    volatile java.util.concurrent.CompletableFuture<Void> gate;
    private final WorkerFactory worker;
    private final AtomicLong seq = new AtomicLong();

    OrderStack(LedgerDb db, Map<String, String> overrides, Function<AppContext, Consumer<Worker>> registration) {
        this.db = db;
        Codecs.registerAll(vertx);
        Map<String, String> all = new HashMap<>(Map.of("TASK_QUEUE", queue, "INITIAL_PORTFOLIO_BALANCE", "10000",
                "MARKET_SYMBOLS", "BTC-USD,ETH-USD", "LEDGER_SAMPLE_SECONDS", "2"));
        all.putAll(overrides);
        ctx = TestInfra.context(vertx, all);
        vertx.eventBus().<String>consumer(Addresses.MARKET_LATEST_TICK, m -> {
            tickRequests.incrementAndGet();
            Tick t = book.get(m.body());
            Runnable answer = () -> {
                if (t == null) {
                    m.fail(2002, "no tick for " + m.body());
                } else {
                    m.reply(t);
                }
            };
            java.util.concurrent.CompletableFuture<Void> g = gate;
            if (g == null) {
                answer.run();
            } else {
                g.thenRun(answer);
            }
        }).completion().await();
        setBook("BTC-USD", "50000", "50010", "0.5");
        setBook("ETH-USD", "3000", "3001", "2");
        vertx.deployVerticle(new LedgerVerticle(ctx, db.pool(vertx, 8))).await();
        vertx.deployVerticle(new RiskGateVerticle(ctx, db.pool(vertx, 4))).await();
        worker = TestInfra.worker(queue, registration == null ? w -> WorkflowRegistry.register(w, ctx) : registration.apply(ctx));
        vertx.deployVerticle(new ExecutionVerticle(ctx)).await();
        try {
            // ready: open orders resumed and the ledger workflow's first snapshot loaded
            ctx.whenReady().await(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the order stack did not become ready", e);
        }
    }

    OrderStack(Map<String, String> overrides) {
        this(LedgerDb.fresh(), overrides, null);
    }

    Tick setBook(String symbol, String bid, String ask, String size) {
        Tick t = new Tick(symbol, new BigDecimal(bid).add(new BigDecimal(ask)).divide(BigDecimal.valueOf(2)),
                new BigDecimal(bid), new BigDecimal(ask), new BigDecimal(size), Instant.now(), seq.incrementAndGet(), null, null);
        book.put(symbol, t);
        return t;
    }

    /** Publishes a tick on the market topic, as the feed would. */
    void publish(String symbol, String bid, String ask, String size) {
        vertx.eventBus().publish(Addresses.marketTick(symbol), setBook(symbol, bid, ask, size));
    }

    /** Whether the execution verticle watches the market for this order. */
    boolean watching(String orderId) {
        return ctx.health().report(vertx).await().getJsonObject("components").getJsonObject("execution")
                .getJsonArray("restingOrders").contains(orderId);
    }

    WorkflowClient client() {
        return TestInfra.temporal().client();
    }

    OrderService orders() {
        return new OrderService(client(), queue);
    }

    ExecutionLedgerWorkflow ledgerWorkflow() {
        return client().newWorkflowStub(ExecutionLedgerWorkflow.class, DurableNames.Ledger.id(queue));
    }

    /** A ledger query answered by the ledger verticle. */
    io.vertx.core.json.JsonObject query(io.tradingstack.ledger.LedgerQuery q) {
        return vertx.eventBus().<io.vertx.core.json.JsonObject>request(Addresses.LEDGER_QUERY, q).await().body();
    }

    LedgerVerifier.Report verify() throws SQLException {
        try (Connection c = db.jdbc()) {
            return new LedgerVerifier(c).verify();
        }
    }

    @Override
    public void close() {
        try {
            client().newUntypedWorkflowStub(DurableNames.Ledger.id(queue)).terminate("test finished");
        } catch (RuntimeException alreadyClosed) {
            // nothing to stop
        }
        worker.shutdownNow();
        vertx.close().await();
    }
}
