package io.tradingstack.bench.mcp;

import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.bench.BenchResults;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tool calls per second and latency percentiles through the real MCP server (Streamable HTTP,
 * Java SDK clients, one session per thread), against the embedded Temporal and PostgreSQL.
 * Args: [tool|ping] [sessions] [measureSeconds] [warmupSeconds] [raw|sdk]. {@code raw} (default) drives the
 * server with {@link RawMcpLoad}; {@code sdk} uses one Java SDK client per session on its own thread.
 */
public final class McpToolCallBench {
    private static final String PING = "ping";
    private static final McpSchema.CallToolResult PONG = McpSchema.CallToolResult.builder().isError(false).build();

    public static void main(String[] args) throws Exception {
        String tool = args.length > 0 ? args[0] : "get_portfolio_status";
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String mode = args.length > 4 ? args[4] : "raw";

        Vertx vertx = Vertx.vertx();
        AppContext ctx = TestInfra.context(vertx, Map.of("TASK_QUEUE", TestInfra.uniqueQueue("bench"),
                "MCP_RATE_LIMIT_PER_MINUTE", "1000000"));
        // worker + MCP + ledger (the ledger verticle and workflow answer get_portfolio_status)
        Stack stack = new Stack(ctx, VerticleSpec.load(), Set.of("worker", "mcp", "ledger"));
        get(stack.start());
        String url = "http://127.0.0.1:" + ctx.config().mcpPort();
        Map<String, Object> figures = "raw".equals(mode)
                ? raw(Vertx.vertx(), ctx.config().mcpPort(), tool, sessions, measure, warmup)
                : sdk(url, tool, sessions, measure, warmup);
        figures.put("goal", ">= 2000 calls/s and p99 <= 50 ms");
        figures.put("command", "mvn -B -o -Pbench -DskipTests test-compile exec:exec "
                + "-Dbench.main=io.tradingstack.bench.mcp.McpToolCallBench -Dbench.args=\"" + tool + " " + sessions
                + " " + measure + " " + warmup + " " + mode + "\"");
        System.out.println(figures);
        BenchResults.write((PING.equals(tool) ? "mcp-ping" : "mcp-tool-calls") + "-" + mode, figures);
        stack.stop();
        System.exit(0);
    }

    private static Map<String, Object> raw(Vertx clientVertx, int port, String tool, int sessions, int measure,
                                           int warmup) throws Exception {
        RawMcpLoad load = new RawMcpLoad(clientVertx, port, sessions);
        List<String> ids = get(load.open(sessions));
        get(load.run(ids, tool, System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup), new AtomicLong()));
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long[] all = get(load.run(ids, tool, start + TimeUnit.SECONDS.toNanos(measure), errors));
        double elapsed = (System.nanoTime() - start) / 1e9;
        get(load.close());
        return figures(tool, sessions, measure, all, errors.get(), elapsed, "raw: Vert.x HTTP client speaking MCP, one request in flight per session");
    }

    private static Map<String, Object> sdk(String url, String tool, int sessions, int measure, int warmup) throws Exception {
        List<McpSyncClient> clients = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            McpSyncClient c = McpClient.sync(HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").build())
                    .requestTimeout(Duration.ofSeconds(30)).build();
            c.initialize();
            clients.add(c);
        }
        McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(tool, Map.of());
        McpSchema.CallToolResult probe = PING.equals(tool) ? PONG : clients.get(0).callTool(request);
        if (Boolean.TRUE.equals(probe.isError())) {
            throw new IllegalStateException("tool " + tool + " answers an error: " + probe.content());
        }

        run(clients, request, warmup, null, new AtomicLong());
        long[][] samples = new long[sessions][];
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        run(clients, request, measure, samples, errors);
        double elapsed = (System.nanoTime() - start) / 1e9;

        long[] all = Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
        clients.forEach(McpSyncClient::closeGracefully);
        return figures(tool, sessions, measure, all, errors.get(), elapsed, "sdk: one MCP Java SDK sync client per session");
    }

    private static Map<String, Object> figures(String tool, int sessions, int measure, long[] all, long errors,
                                               double elapsed, String client) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tool", tool);
        figures.put("client", client);
        figures.put("sessions", sessions);
        figures.put("measure_seconds", measure);
        figures.put("calls", all.length);
        figures.put("errors", errors);
        figures.put("calls_per_second", Math.round(all.length / elapsed));
        figures.put("p50_ms", ms(percentile(all, 0.50)));
        figures.put("p90_ms", ms(percentile(all, 0.90)));
        figures.put("p99_ms", ms(percentile(all, 0.99)));
        figures.put("max_ms", ms(all[all.length - 1]));
        figures.put("load_average_at_end", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return figures;
    }

    private static void run(List<McpSyncClient> clients, McpSchema.CallToolRequest request, int seconds,
                            long[][] samples, AtomicLong errors) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            int idx = i;
            Thread t = new Thread(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    McpSchema.CallToolResult r = call(clients.get(idx), request);
                    long dt = System.nanoTime() - t0;
                    if (Boolean.TRUE.equals(r.isError())) {
                        errors.incrementAndGet();
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = dt;
                }
                if (samples != null) {
                    samples[idx] = Arrays.copyOf(lat, n);
                }
                done.countDown();
            }, "bench-session-" + i);
            t.start();
        }
        done.await();
    }

    /** "ping" measures the transport alone (no tool, no Temporal): the floor under every tool call. */
    private static McpSchema.CallToolResult call(McpSyncClient client, McpSchema.CallToolRequest request) {
        if (PING.equals(request.name())) {
            client.ping();
            return PONG;
        }
        return client.callTool(request);
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static <T> T get(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
