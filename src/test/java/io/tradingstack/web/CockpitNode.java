package io.tradingstack.web;

import io.tradingstack.app.RunCommand;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.bus.Addresses;
import io.tradingstack.ledger.LedgerDb;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.PostgresRuntime;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.TestInfra;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.tradingstack.testing.Eventually.eventually;

/**
 * A whole node as {@code run} builds it (every role, Vert.x metrics and JVM series in the node's
 * registry, its own embedded Temporal service reporting client and worker metrics there) on a fresh
 * database of the shared PostgreSQL server, with an HTTP_AUTH_TOKEN so the dashboard is reached the
 * way an operator does, and with the execution agent (nudged every 2 s) and the judge running.
 */
final class CockpitNode implements AutoCloseable {
    static final String TOKEN = "cockpit-test-token";
    final RunCommand.Node node;
    final AppContext ctx;
    final McpSyncClient mcp;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CockpitNode(RunCommand.Node node) {
        this.node = node;
        this.ctx = node.stack().context();
        this.mcp = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + ctx.config().mcpPort())
                        .endpoint("/mcp").build())
                .requestTimeout(Duration.ofSeconds(30)).clientInfo(new McpSchema.Implementation("cockpit-test", "1.0")).build();
        mcp.initialize();
    }

    static CockpitNode start() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("TASK_QUEUE", TestInfra.uniqueQueue("cockpit"));
        overrides.put("REPLAY_PORT", String.valueOf(TestInfra.freePort()));
        overrides.put("HTTP_AUTH_TOKEN", TOKEN);
        overrides.put("INITIAL_PORTFOLIO_BALANCE", "1000000");
        // the agents page's panels: the execution agent nudged every 2 s, the judge evaluating on demand
        overrides.put("EXECUTION_AGENT_ENABLED", "true");
        overrides.put("EXECUTION_NUDGE_SECONDS", "2");
        overrides.put("JUDGE_ENABLED", "true");
        // a database of its own on the shared server: its agents trade, version prompts and adjust risk
        // in a ledger and stores no other test shares (nor leaves positions in)
        overrides.put("PG_URL", freshDatabase());
        AppConfig config = TestInfra.config(overrides);
        RunCommand.Node node = RunCommand.Node.create(config, VerticleSpec.load(), Set.of(), false);
        node.stack().context().postgresReady(PostgresRuntime.start(config));
        node.stack().start().await(120, TimeUnit.SECONDS);
        eventually(Duration.ofSeconds(60), "a BTC-USD price", () -> {
            try {
                node.stack().context().vertx().eventBus().request(Addresses.MARKET_LATEST_TICK, "BTC-USD")
                        .await(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
        return new CockpitNode(node);
    }

    private static String freshDatabase() {
        return LedgerDb.fresh().pgUrl();
    }

    String base() {
        return "http://127.0.0.1:" + ctx.config().httpPort();
    }

    /** GET on HTTP_PORT with the bearer token. */
    String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    int status(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A tool call that must succeed; its structured result. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        if (Boolean.TRUE.equals(r.isError())) {
            throw new AssertionError(tool + " failed: " + r.structuredContent() + " " + r.content());
        }
        return (Map<String, Object>) r.structuredContent();
    }

    /** Places one paper order through MCP place_mock_order; the order's result. */
    @SuppressWarnings("unchecked")
    Map<String, Object> placeOrder(Map<String, Object> intent) {
        Map<String, Object> placed = call("place_mock_order", Map.of("orders", List.of(intent)));
        return ((List<Map<String, Object>>) placed.get("orders")).get(0);
    }

    @Override
    public void close() {
        try {
            mcp.closeGracefully();
        } finally {
            node.stop();
            ctx.vertx().close().await();
        }
    }
}
