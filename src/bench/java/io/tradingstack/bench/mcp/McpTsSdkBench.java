package io.tradingstack.bench.mcp;

import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.bench.BenchResults;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code get_portfolio_status} from N sessions of the official TypeScript SDK client
 * ({@code src/test/node/bench-client.mjs}), in the same run against (1) a reference server built on
 * the official TypeScript SDK answering a constant portfolio ({@code reference-server.mjs}) and
 * (2) our node with a real portfolio behind it (a BTC position marked at the live feed: a Temporal
 * query on mock-ledger, at most one per 250 ms, plus the feed's latest tick per call), in alternating
 * rounds (reference, ours, ours, reference). Before the rounds, one exchange with each server is
 * recorded raw ({@code exchange.mjs}: status, headers, body bytes) so the answers can be compared.
 * Args: [sessions] [measureSeconds] [warmupSeconds] [clientProcesses] [rounds, default
 * {@code warm,ref,ours,ours,ref}; {@code warm} = one unrecorded round on each server]. Needs node and {@code npm ci} in src/test/node.
 */
public final class McpTsSdkBench {
    private static final Path NODE_DIR = Path.of("src", "test", "node");

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int measure = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int procs = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        List<String> order = List.of((args.length > 4 ? args[4] : "warm,ref,ours,ours,ref").split(","));

        double loadAtStart = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Vertx vertx = Vertx.vertx();
        AppContext ctx = TestInfra.context(vertx, Map.of("TASK_QUEUE", TestInfra.uniqueQueue("bench"),
                "MCP_RATE_LIMIT_PER_MINUTE", "1000000", "INITIAL_PORTFOLIO_BALANCE", "100000",
                "REPLAY_PORT", String.valueOf(TestInfra.freePort())));
        Stack stack = new Stack(ctx, VerticleSpec.load(), Set.of("worker", "mcp", "ledger", "exchange", "feed"));
        stack.start().await(180, TimeUnit.SECONDS);
        String ours = "http://127.0.0.1:" + ctx.config().mcpPort();
        buyAPosition(ours);

        Process reference = new ProcessBuilder("node", "reference-server.mjs", "0").directory(NODE_DIR.toFile())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(reference.getInputStream(), StandardCharsets.UTF_8));
        String referenceUrl = "http://127.0.0.1:" + out.readLine().replace("listening ", "").trim();

        // alternating rounds (ref, ours, ours, ref): the machine's load moves while the bench runs
        List<Map<String, Object>> refRounds = new java.util.ArrayList<>();
        List<Map<String, Object>> ourRounds = new java.util.ArrayList<>();
        Cpu refCpu = () -> ProcCpu.ofPid(reference.pid());
        Cpu ourCpu = () -> ProcCpu.ofThisJvm() + ProcCpu.ofDescendants("postgres");
        double idle0 = ourCpu.ms();
        Thread.sleep(5000);
        double ourIdleCpuMsPerS = (ourCpu.ms() - idle0) / 5;
        Map<String, Object> refExchange = exchange(referenceUrl);
        Map<String, Object> ourExchange = exchange(ours);
        for (String round : order) {
            if ("warm".equals(round)) {
                // not recorded: both servers reach steady state (our JIT compiles for tens of seconds under load)
                drive(referenceUrl, sessions, measure, warmup, procs, refCpu, false);
                drive(ours, sessions, measure, warmup, procs, ourCpu, true);
                continue;
            }
            boolean isRef = "ref".equals(round);
            (isRef ? refRounds : ourRounds).add(drive(isRef ? referenceUrl : ours, sessions, measure, warmup, procs,
                    isRef ? refCpu : ourCpu, !isRef));
        }
        reference.destroy();
        Map<String, Object> ref = summary(refRounds);
        Map<String, Object> our = summary(ourRounds);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("tool", "get_portfolio_status");
        figures.put("client", "official TypeScript SDK (@modelcontextprotocol/sdk 1.32.2), " + sessions + " sessions in "
                + procs + " node processes, one call in flight per session");
        figures.put("reference", ref);
        figures.put("ours", our);
        figures.put("reference_exchange", refExchange);
        figures.put("ours_exchange", ourExchange);
        figures.put("ours_idle_cpu_ms_per_s", ourIdleCpuMsPerS);
        figures.put("cpu_note", "server_cpu_ms_per_call: the server's CPU time over a round (ours: this JVM, with its embedded "
                + "Temporal service, feed and replay exchange, plus PostgreSQL) / every call of the round, warm-up included; "
                + "client_cpu_ms_per_call: user+system time of the node client processes / the same calls; "
                + "*_window_cpu_ms_per_call: the same CPU times over the measuring window alone / the calls measured in it");
        figures.put("ratio", refRounds.isEmpty() || ourRounds.isEmpty() ? null
                : ((Number) our.get("calls_per_second")).doubleValue() / ((Number) ref.get("calls_per_second")).doubleValue());
        figures.put("load_average_at_start", loadAtStart);
        figures.put("goal", ">= 2x the reference, p99 <= 50 ms");
        figures.put("load_average_at_end", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        figures.put("command", "mvn -B -o -Pbench -DskipTests test-compile exec:exec "
                + "-Dbench.main=io.tradingstack.bench.mcp.McpTsSdkBench -Dbench.args=\"" + sessions + " " + measure + " "
                + warmup + " " + procs + " " + String.join(",", order) + "\"");
        System.out.println(figures);
        BenchResults.write("mcp-ts-sdk", figures);
        stack.stop();
        System.exit(0);
    }

    /** Mean throughput and the worse p50/p99 of the rounds, with the rounds themselves. */
    private static Map<String, Object> summary(List<Map<String, Object>> rounds) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calls_per_second", rounds.stream().mapToDouble(r -> ((Number) r.get("calls_per_second")).doubleValue())
                .average().orElse(0));
        out.put("p50_ms", rounds.stream().mapToDouble(r -> ((Number) r.get("p50_ms")).doubleValue()).max().orElse(0));
        out.put("p99_ms", rounds.stream().mapToDouble(r -> ((Number) r.get("p99_ms")).doubleValue()).max().orElse(0));
        out.put("server_cpu_ms_per_call", rounds.stream().mapToDouble(r -> ((Number) r.get("server_cpu_ms_per_call")).doubleValue())
                .average().orElse(0));
        out.put("client_cpu_ms_per_call", rounds.stream().mapToDouble(r -> ((Number) r.get("client_cpu_ms_per_call")).doubleValue())
                .average().orElse(0));
        out.put("server_window_cpu_ms_per_call", rounds.stream()
                .mapToDouble(r -> ((Number) r.get("server_window_cpu_ms_per_call")).doubleValue()).average().orElse(0));
        out.put("client_window_cpu_ms_per_call", rounds.stream()
                .mapToDouble(r -> ((Number) r.get("client_window_cpu_ms_per_call")).doubleValue()).average().orElse(0));
        out.put("errors", rounds.stream().mapToLong(r -> ((Number) r.get("errors")).longValue()).sum());
        out.put("rounds", rounds);
        return out;
    }

    /** A market buy, retried until the feed has a price, so the portfolio has a live-marked position. */
    private static void buyAPosition(String url) throws InterruptedException {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("place_mock_order",
                    Map.of("orders", List.of(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", 0.01)))));
            if (!Boolean.TRUE.equals(r.isError())) {
                break;
            }
            Thread.sleep(250);
        }
        client.closeGracefully();
    }

    /** One initialize + tools/call exchange on the wire ({@code exchange.mjs}): what the server sends back. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> exchange(String url) throws Exception {
        Process p = new ProcessBuilder("node", "exchange.mjs", url).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("exchange failed:\n" + text);
        }
        System.out.println(url + " exchange " + text.trim());
        Map<String, Object> call = (Map<String, Object>) Json.MAPPER.readValue(text.trim(), Map.class).get("call");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", call.get("status"));
        out.put("headers", call.get("headers"));
        out.put("header_bytes", call.get("header_bytes"));
        out.put("body_bytes", call.get("body_bytes"));
        return out;
    }

    /** CPU time (ms) of the server under test, read before and after a round. */
    private interface Cpu {
        double ms();
    }

    /**
     * One round; besides the client's figures, CPU per call two ways: over the whole round divided
     * by every call of the round (warm-up, JIT and session set-up included) and over the measuring
     * window alone divided by its calls (steady state), for the server under test and for the
     * client processes (whole round: user + system from /usr/bin/time; window: their own
     * process.cpuUsage()).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> drive(String url, int sessions, int measure, int warmup, int procs, Cpu server,
                                             boolean ours) throws Exception {
        double cpu0 = server.ms();
        Process p = new ProcessBuilder("/usr/bin/time", "-f", "client-cpu %U %S", "node", "bench-client.mjs", url,
                String.valueOf(sessions), String.valueOf(measure), String.valueOf(warmup), String.valueOf(procs))
                .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
        StringBuilder text = new StringBuilder();
        double windowStart = Double.NaN;
        double windowEnd = Double.NaN;
        Map<Long, Map.Entry<String, Double>> threadsAtStart = Map.of();
        Map<Long, Map.Entry<String, Double>> threadsAtEnd = Map.of();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("mark start")) {
                    windowStart = server.ms();
                    threadsAtStart = ProcCpu.threadsOfThisJvm();
                } else if (line.equals("mark end")) {
                    windowEnd = server.ms();
                    threadsAtEnd = ProcCpu.threadsOfThisJvm();
                }
                text.append(line).append('\n');
            }
        }
        if (!p.waitFor(measure + warmup + 120L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("bench client failed:\n" + text);
        }
        double serverMs = server.ms() - cpu0;
        String last = text.toString().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() ->
                new IllegalStateException("no result from the bench client:\n" + text));
        Map<String, Object> round = new LinkedHashMap<>(Json.MAPPER.readValue(last, Map.class));
        double all = ((Number) round.get("all_calls")).doubleValue();
        double measured = ((Number) round.get("calls")).doubleValue();
        String[] clientCpu = text.toString().lines().filter(l -> l.startsWith("client-cpu ")).findFirst().orElseThrow().split(" ");
        round.put("server_cpu_ms_per_call", serverMs / all);
        round.put("client_cpu_ms_per_call", 1000 * (Double.parseDouble(clientCpu[1]) + Double.parseDouble(clientCpu[2])) / all);
        round.put("server_window_cpu_ms_per_call", (windowEnd - windowStart) / measured);
        round.put("client_window_cpu_ms_per_call", ((Number) round.get("window_cpu_ms")).doubleValue() / measured);
        if (ours) {
            Map<String, Object> byKind = new LinkedHashMap<>();
            ProcCpu.byKind(threadsAtStart, threadsAtEnd).forEach((k, ms) -> byKind.put(k, ms / measured));
            round.put("server_window_cpu_ms_per_call_by_thread", byKind);
        }
        round.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(url + " " + round);
        return round;
    }
}
