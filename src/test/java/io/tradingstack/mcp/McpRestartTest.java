package io.tradingstack.mcp;

import io.tradingstack.app.Stack;
import io.tradingstack.app.VerticleSpec;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node restarted on its DATA_DIR with embedded defaults: its own PostgreSQL (kept) and its own
 * in-memory Temporal service (lost). Preferences, a finished backtest's result, a finished sweep's
 * table and the portfolio answer the same afterwards, because PostgreSQL is their source of truth.
 */
class McpRestartTest {
    private static final Set<String> ROLES = Set.of("exchange", "feed", "ledger", "mcp", "worker");

    /** One node: its own Vert.x, PostgreSQL and Temporal (nothing shared with other tests). */
    private record Node(Vertx vertx, Stack stack, McpSyncClient client) implements AutoCloseable {
        static Node start(AppConfig config) throws Exception {
            Vertx vertx = Vertx.vertx();
            Stack stack = new Stack(new AppContext(config, vertx), VerticleSpec.load(), ROLES);
            stack.start().await(180, TimeUnit.SECONDS);
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + config.mcpPort())
                            .endpoint("/mcp").build())
                    .requestTimeout(Duration.ofSeconds(60)).clientInfo(new McpSchema.Implementation("restart-test", "1")).build();
            client.initialize();
            return new Node(vertx, stack, client);
        }

        Map<String, Object> ok(String tool, Map<String, Object> args) {
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
            assertFalse(Boolean.TRUE.equals(r.isError()), tool + " -> " + r.structuredContent());
            return McpServerTest.structured(r);
        }

        @Override
        public void close() throws Exception {
            client.closeGracefully();
            stack.stop();
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void preferencesABacktestAndThePortfolioSurviveARestart() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("REPLAY_PORT", String.valueOf(TestInfra.freePort()));
        overrides.put("INITIAL_PORTFOLIO_BALANCE", "100000");
        AppConfig config = TestInfra.config(overrides);

        Map<String, Object> prefs;
        Map<String, Object> backtest;
        Map<String, Object> book;
        String workflowId;
        String sweepId;
        Map<String, Object> sweep;
        try (Node first = Node.start(config)) {
            first.ok("set_user_preferences", Map.of("preferences", Map.of("experience_level", "advanced",
                    "risk_tolerance", "high", "trading_style", "aggressive", "profit_scraping_percentage", "15%")));
            prefs = first.ok("get_user_preferences", Map.of());
            workflowId = (String) first.ok("run_backtest", Map.of("pair", "BTC-USD", "timeframe", "1h",
                    "start", "2023-04-10", "end", "2023-04-11")).get("workflow_id");
            backtest = awaitDone(first, workflowId);
            sweepId = (String) first.ok("run_sweep", Map.of("pair", "BTC-USD", "timeframe", "15m",
                    "parameters", Map.of("rsi_max", List.of(60, 70)))).get("workflow_id");
            sweep = first.ok("get_sweep_result", Map.of("workflow_id", sweepId, "wait_seconds", 30));
            assertEquals("DONE", sweep.get("status"), sweep.toString());
            awaitBuyRecorded(first);
            book = book(first.ok("get_portfolio_status", Map.of()));
        }
        try (Node second = Node.start(config)) {
            assertEquals(prefs, second.ok("get_user_preferences", Map.of()), "preferences after the restart");
            Map<String, Object> again = second.ok("get_backtest_result", Map.of("workflow_id", workflowId));
            assertEquals("DONE", again.get("status"));
            for (String k : List.of("bars", "trades", "final_equity", "total_return", "max_drawdown", "metrics", "counts",
                    "report_json")) {
                assertEquals(backtest.get(k), again.get(k), k + " of the backtest after the restart");
            }
            assertEquals(book, book(second.ok("get_portfolio_status", Map.of())), "the book after the restart");
            Map<String, Object> sweepAgain = second.ok("get_sweep_result", Map.of("workflow_id", sweepId));
            assertEquals("DONE", sweepAgain.get("status"));
            assertEquals(sweep.get("table"), sweepAgain.get("table"), "the sweep's ranked table after the restart");
        }
    }

    private static Map<String, Object> awaitDone(Node node, String workflowId) {
        return Eventually.eventuallyGet(Duration.ofSeconds(120), "backtest " + workflowId + " done",
                () -> node.ok("get_backtest_result", Map.of("workflow_id", workflowId)), r -> "DONE".equals(r.get("status")));
    }

    /** A market buy, then (bounded) until the ledger has recorded its fill. */
    private static void awaitBuyRecorded(Node node) {
        // no price yet while the feed is still connecting: the buy is refused until it has one
        Eventually.eventually(Duration.ofSeconds(60), "a market buy accepted", () -> !Boolean.TRUE.equals(node.client()
                .callTool(new McpSchema.CallToolRequest("place_mock_order",
                        Map.of("orders", List.of(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", 0.01))))).isError()));
        Eventually.eventually(Duration.ofSeconds(60), "the buy reached the ledger", () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> positions = (Map<String, Object>) node.ok("get_portfolio_status", Map.of()).get("positions");
            return positions.containsKey("BTC-USD");
        });
    }

    /** The part of the portfolio that does not move with the market. */
    private static Map<String, Object> book(Map<String, Object> status) {
        Map<String, Object> out = new HashMap<>();
        for (String k : List.of("cash", "positions", "entry_prices", "funding", "realized_pnl", "fees_paid",
                "scraped_profits", "available_cash")) {
            out.put(k, status.get(k));
        }
        assertTrue(new BigDecimal(String.valueOf(status.get("fees_paid"))).signum() > 0, "the buy paid a fee");
        return out;
    }
}
