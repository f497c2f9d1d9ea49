package io.tradingstack.bench.ledger;

import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.bench.BenchResults;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.execution.ExecutionVerticle;
import io.tradingstack.execution.OrderResult;
import io.tradingstack.execution.OrderService;
import io.tradingstack.execution.PlaceOrderRequest;
import io.tradingstack.ledger.Ledger;
import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.ledger.LedgerVerticle;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.PostgresRuntime;
import io.tradingstack.runtime.TemporalRuntime;
import io.temporal.worker.WorkerFactory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ledger figures on one embedded PostgreSQL: fills persisted per second (every fill a balanced
 * entry with its constraint trigger, then the full invariant check), pgbench tpcb-like on the same
 * server for scale, and the latency of a resting order from the touching tick to the committed fill.
 * Args: [fills] [orders] [pgbenchSeconds].
 */
public final class LedgerBench {
    private static final String PGBENCH = "/usr/lib/postgresql/15/bin/pgbench";

    public static void main(String[] args) throws Exception {
        int fills = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int pgbenchSec = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path root = Files.createTempDirectory("ledger-bench-");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("postgres_durability", PostgresRuntime.Durability.DURABLE + " (the production default: fsync and synchronous commit on)");
        out.put("load_average_at_start", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (PostgresRuntime pg = PostgresRuntime.startEmbedded(root.resolve("postgres"))) {
            pg.migrate();
            Vertx vertx = Vertx.vertx();
            Codecs.registerAll(vertx);
            try {
                out.putAll(fillThroughput(vertx, pg, fills));
                out.putAll(pgbench(pg, pgbenchSec));
                out.putAll(orderLatency(vertx, pg, root, orders));
            } finally {
                vertx.close().await();
            }
        }
        out.put("load_average_at_end", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        BenchResults.write("ledger", out);
        System.exit(0);
    }

    static Map<String, Object> fillThroughput(Vertx vertx, PostgresRuntime pg, int n) throws Exception {
        Pool pool = pg.pool(vertx, 8);
        Context ctx = vertx.getOrCreateContext();
        Ledger ledger = new Ledger(pool, "USD", new BigDecimal("0.2"), new BigDecimal("1000000000"));
        on(ctx, ledger::start);
        Instant t = Instant.now();
        long t0 = System.nanoTime();
        on(ctx, () -> {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
                String price = i % 2 == 0 ? "50000" : "50100.5";
                all.add(ledger.postFill(new Fill("bench-" + i, null, "BTC-USD", side, new BigDecimal("0.01"),
                        new BigDecimal(price), new BigDecimal("3.0006"), Liquidity.TAKER, t)));
            }
            return Future.all(all);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        long v0 = System.nanoTime();
        LedgerVerifier.Report report;
        try (Connection c = DriverManager.getConnection(pg.url().jdbcUrl(), pg.url().user(), pg.url().password())) {
            report = new LedgerVerifier(c).verify();
        }
        double verifySec = (System.nanoTime() - v0) / 1e9;
        pool.close().await();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fills_posted", n);
        m.put("fills_per_second", Math.round(n / seconds));
        m.put("postings_per_fill_entry", Math.round(((Number) report.figures().get("postings")).doubleValue()
                / ((Number) report.figures().get("journal entries")).doubleValue() * 100) / 100.0);
        m.put("invariants_ok", report.ok());
        m.put("verify_seconds", Math.round(verifySec * 1000) / 1000.0);
        System.out.printf("fills: %d in %.2f s = %.0f/s, invariants %s%n", n, seconds, n / seconds, report.ok());
        return m;
    }

    static Map<String, Object> pgbench(PostgresRuntime pg, int seconds) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!Files.isExecutable(Path.of(PGBENCH))) {
            m.put("pgbench", "not available at " + PGBENCH);
            return m;
        }
        String port = String.valueOf(pg.url().port());
        String password = pg.url().password();
        run(password, PGBENCH, "-i", "-s", "1", "-q", "-h", "localhost", "-p", port, "-U", pg.url().user(), pg.url().database());
        String report = run(password, PGBENCH, "-b", "tpcb-like", "-c", "8", "-j", "2", "-T", String.valueOf(seconds),
                "-h", "localhost", "-p", port, "-U", pg.url().user(), pg.url().database());
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(report);
        m.put("pgbench_tpcb_like_tps", tps.find() ? Math.round(Double.parseDouble(tps.group(1))) : report);
        m.put("pgbench_args", "-b tpcb-like -c 8 -j 2 -T " + seconds + " (scale 1)");
        System.out.println(report);
        return m;
    }

    static Map<String, Object> orderLatency(Vertx vertx, PostgresRuntime pg, Path root, int orders) throws Exception {
        String queue = "bench-orders";
        AppConfig config = AppConfig.defaults(Map.of("DATA_DIR", root.resolve("data").toString(), "TASK_QUEUE", queue,
                "INITIAL_PORTFOLIO_BALANCE", "1000000", "HTTP_PORT", "18981", "MCP_PORT", "18980"));
        AppContext app = new AppContext(config, vertx);
        app.postgresReady(pg);
        TemporalRuntime temporal = TemporalRuntime.start("", "default");
        app.temporalReady(temporal);
        Map<String, Tick> book = new ConcurrentHashMap<>();
        AtomicInteger seq = new AtomicInteger();
        book.put("BTC-USD", tick("BTC-USD", "50000", "50010", seq.incrementAndGet()));
        vertx.eventBus().<String>consumer(Addresses.MARKET_LATEST_TICK, msg -> msg.reply(book.get(msg.body()))).completion().await();
        Map<String, CompletableFuture<Long>> committed = new ConcurrentHashMap<>();
        vertx.eventBus().<Fill>consumer(Addresses.LEDGER_FILL_RECORDED, msg -> {
            CompletableFuture<Long> f = committed.get(msg.body().orderId());
            if (f != null) {
                f.complete(System.nanoTime());
            }
        }).completion().await();
        vertx.deployVerticle(new LedgerVerticle(app)).await();
        WorkerFactory worker = WorkerFactory.newInstance(temporal.client());
        WorkflowRegistry.register(worker.newWorker(queue), app);
        worker.start();
        vertx.deployVerticle(new ExecutionVerticle(app)).await();
        OrderService service = new OrderService(temporal.client(), queue);
        long[] lat = new long[orders];
        long[] market = new long[orders];
        for (int i = 0; i < orders; i++) {
            book.put("BTC-USD", tick("BTC-USD", "50000", "50010", seq.incrementAndGet()));
            long m0 = System.nanoTime();
            service.place(new PlaceOrderRequest("mkt-" + i, List.of(new OrderIntent("BTC-USD", Side.BUY,
                    new BigDecimal("0.001"), null, OrderType.MARKET, null, null)), false));
            market[i] = System.nanoTime() - m0;
            OrderResult resting = service.place(new PlaceOrderRequest("lim-" + i, List.of(new OrderIntent("BTC-USD", Side.BUY,
                    new BigDecimal("0.001"), new BigDecimal("49990"), OrderType.LIMIT, null, null)), false)).get(0);
            CompletableFuture<Long> done = new CompletableFuture<>();
            committed.put(resting.orderId(), done);
            waitWatched(app, vertx, resting.orderId());
            long t0 = System.nanoTime();
            vertx.eventBus().publish(Addresses.marketTick("BTC-USD"), tick("BTC-USD", "49980", "49990", seq.incrementAndGet()));
            book.put("BTC-USD", tick("BTC-USD", "49980", "49990", seq.get()));
            lat[i] = done.get(30, TimeUnit.SECONDS) - t0;
        }
        worker.shutdownNow();
        temporal.close();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orders", orders);
        m.put("limit_tick_to_fill_commit_ms_p50", pct(lat, 50));
        m.put("limit_tick_to_fill_commit_ms_p99", pct(lat, 99));
        m.put("market_order_place_to_result_ms_p50", pct(market, 50));
        m.put("market_order_place_to_result_ms_p99", pct(market, 99));
        System.out.println(m);
        return m;
    }

    private static void waitWatched(AppContext app, Vertx vertx, String orderId) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            boolean watched = app.health().report(vertx).await().getJsonObject("components").getJsonObject("execution")
                    .getJsonArray("restingOrders").contains(orderId);
            if (watched) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("order " + orderId + " never watched");
    }

    private static double pct(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1);
        return Math.round(s[Math.max(0, idx)] / 1e4) / 100.0;
    }

    private static Tick tick(String symbol, String bid, String ask, long seq) {
        BigDecimal b = new BigDecimal(bid);
        BigDecimal a = new BigDecimal(ask);
        return new Tick(symbol, b.add(a).divide(BigDecimal.valueOf(2)), b, a, new BigDecimal("1"), Instant.now(), seq, null, null);
    }

    private static <T> T on(Context ctx, java.util.function.Supplier<Future<T>> op) {
        Promise<T> p = Promise.promise();
        ctx.runOnContext(v -> op.get().onComplete(p));
        return p.future().await();
    }

    /** Runs a PostgreSQL client tool; the password travels in PGPASSWORD, never on the command line. */
    private static String run(String password, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", password);
        Process p = pb.start();
        StringBuilder sb = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            r.lines().forEach(l -> sb.append(l).append('\n'));
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + sb);
        }
        return sb.toString();
    }
}
