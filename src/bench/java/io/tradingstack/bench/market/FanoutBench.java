package io.tradingstack.bench.market;

import io.tradingstack.app.HttpVerticle;
import io.tradingstack.bench.BenchResults;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.web.TickerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Fan-out of the WebSocket ticker: N clients on loopback subscribed to BTC-USD, ticks published on
 * the bus at R per second with their publish time; each client measures publish → receive latency.
 * Server and clients are separate Vert.x instances in one JVM; the latency of a tick is measured
 * after a warm-up (JIT, connection set-up). Args: [clients] [ticksPerSecond] [seconds] [warmupSeconds] [serverEventLoops = HTTP verticle instances].
 */
public final class FanoutBench {
    private static final int BUCKET_MICROS = 10;
    private static final int BUCKETS = 200_000;
    private static final AtomicLongArray MAX_PER_SECOND = new AtomicLongArray(600);
    private static volatile long measureStartNanos;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        int serverLoops = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Vertx server = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(serverLoops));
        Codecs.registerAll(server);
        AppContext ctx = new AppContext(AppConfig.defaults(Map.of("HTTP_PORT", String.valueOf(port), "MCP_PORT",
                String.valueOf(port + 1 == 65536 ? port - 1 : port + 1), "TICKER_MAX_CONNECTIONS", String.valueOf(clients + 10))), server);
        server.deployVerticle(new TickerVerticle(ctx)).await(10, TimeUnit.SECONDS);
        server.deployVerticle(() -> new HttpVerticle(ctx), new io.vertx.core.DeploymentOptions().setInstances(serverLoops))
                .await(10, TimeUnit.SECONDS);

        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient wsClient = clientVertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(clients + 10));
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong delivered = new AtomicLong();
        AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
        List<WebSocket> sockets = connect(wsClient, port, clients, measuring, delivered, histogram);

        BigDecimal price = new BigDecimal("28323.76");
        long[] seq = {0};
        DeliveryOptions local = new DeliveryOptions().setLocalOnly(true);
        long timer = server.setPeriodic(1000 / rate, id -> server.eventBus().publish(Addresses.marketTick("BTC-USD"),
                new Tick("BTC-USD", price, price.subtract(new BigDecimal("0.01")), price, BigDecimal.ONE, Instant.now(), ++seq[0], seq[0], null),
                local));
        Thread.sleep(warmup * 1000L);
        long publishedBefore = seq[0];
        measureStartNanos = System.nanoTime();
        measuring.set(true);
        long t0 = measureStartNanos;
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        server.cancelTimer(timer);
        long published = seq[0] - publishedBefore;

        long count = delivered.get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", clients);
        out.put("server_event_loops", serverLoops);
        out.put("ticks_per_second_published", rate);
        out.put("warmup_seconds", warmup);
        out.put("measured_seconds", seconds);
        out.put("ticks_published_while_measuring", published);
        out.put("delivered_messages", count);
        out.put("delivered_per_second", Math.round(count / elapsed));
        out.put("expected_per_second", (long) clients * rate);
        out.put("latency_p50_ms", percentile(histogram, count, 0.50));
        out.put("latency_p99_ms", percentile(histogram, count, 0.99));
        out.put("latency_max_ms_approx", percentile(histogram, count, 1.0));
        out.put("goal_p99_ms", 50);
        List<Double> perSecond = new ArrayList<>();
        for (int i = 0; i < Math.min(600, seconds + 1); i++) {
            perSecond.add(MAX_PER_SECOND.get(i) / 1000.0);
        }
        out.put("max_latency_ms_per_second", perSecond);
        BenchResults.write("market-fanout", out);
        System.out.println(out);
        sockets.forEach(WebSocket::close);
        clientVertx.close().await(20, TimeUnit.SECONDS);
        server.close().await(20, TimeUnit.SECONDS);
    }

    private static List<WebSocket> connect(WebSocketClient client, int port, int clients, AtomicBoolean measuring,
                                           AtomicLong delivered, AtomicLongArray histogram) throws Exception {
        List<WebSocket> sockets = new ArrayList<>();
        for (int batch = 0; batch < clients; batch += 100) {
            List<Future<WebSocket>> pending = new ArrayList<>();
            for (int i = batch; i < Math.min(clients, batch + 100); i++) {
                pending.add(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/ticker")));
            }
            for (Future<WebSocket> f : pending) {
                WebSocket ws = f.await(30, TimeUnit.SECONDS);
                ws.textMessageHandler(text -> onMessage(text, measuring, delivered, histogram));
                ws.writeTextMessage("{\"type\":\"subscribe\",\"symbols\":[\"BTC-USD\"]}");
                sockets.add(ws);
            }
        }
        return sockets;
    }

    private static void onMessage(String text, AtomicBoolean measuring, AtomicLong delivered, AtomicLongArray histogram) {
        if (!measuring.get() || !text.startsWith("{\"type\":\"tick\"")) {
            return;
        }
        int at = text.indexOf("\"time\":\"") + 8;
        Instant sent = Instant.parse(text.substring(at, text.indexOf('"', at)));
        Instant now = Instant.now();
        long micros = (now.getEpochSecond() - sent.getEpochSecond()) * 1_000_000L + (now.getNano() - sent.getNano()) / 1000;
        histogram.incrementAndGet((int) Math.min(BUCKETS - 1, Math.max(0, micros / BUCKET_MICROS)));
        int second = (int) Math.min(599, (System.nanoTime() - measureStartNanos) / 1_000_000_000L);
        MAX_PER_SECOND.accumulateAndGet(second, micros, Math::max);
        delivered.incrementAndGet();
    }

    private static double percentile(AtomicLongArray histogram, long count, double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += histogram.get(i);
            if (seen >= rank && seen > 0) {
                return Math.round((i + 1) * BUCKET_MICROS / 10.0) / 100.0;
            }
        }
        return Double.NaN;
    }
}
