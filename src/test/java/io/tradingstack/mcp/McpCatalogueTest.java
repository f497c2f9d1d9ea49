package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.model.Tick;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tool catalogue against a whole node started from verticles.json (replay exchange, feed,
 * features, ledger, execution, worker, MCP), through the Java SDK client.
 */
class McpCatalogueTest {
    static final List<String> CATALOGUE = List.of("subscribe_cex_stream", "start_market_stream", "stop_market_stream",
            "get_historical_ticks", "update_market_cache", "list_technical_metrics", "compute_technical_metrics",
            "place_mock_order", "cancel_order", "get_portfolio_status", "get_transaction_history",
            "get_performance_metrics", "get_risk_metrics", "get_pnl_status_with_quality", "set_user_preferences",
            "get_user_preferences", "run_backtest", "get_backtest_result", "run_sweep", "get_sweep_result", "get_limit_enforcement", "get_risk_adjustments",
            "list_strategy_specs", "get_strategy_spec", "validate_strategy_spec", "get_llm_usage", "evaluate_strategy",
            "get_recent_decisions", "get_execution_state", "set_execution_agent",
            "broker_chat", "get_broker_transcript", "trigger_performance_evaluation", "get_judge_evaluations", "rollback_prompt",
            "plan_strategy", "get_prompt_history", "send_user_feedback",
            "get_pending_feedback");
    private static McpTestServer node;
    private static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        McpTestServer.resetSingletons();
        node = McpTestServer.node(Set.of("exchange", "feed", "features", "ledger"),
                Map.of("INITIAL_PORTFOLIO_BALANCE", "1000000"));
        awaitPrice(node, "BTC-USD");
        client = node.client();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (node != null) {
            node.close();
        }
    }

    /** Waits (bounded) until the feed has a BTC-USD tick, the precondition of a market fill. */
    static void awaitPrice(McpTestServer node, String symbol) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                node.vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, symbol).await(5, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no " + symbol + " price within 60 s", notYet);
                }
                node.vertx.timer(200).await(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<String, Object> call(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(r.isError()), tool + " -> " + r.structuredContent());
        return McpServerTest.structured(r);
    }

    private static Map<String, Object> error(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertTrue(Boolean.TRUE.equals(r.isError()), tool + " should fail: " + r.structuredContent());
        return McpServerTest.structured(r);
    }

    @Test
    void listsTheWholeCatalogueWithSchemas() {
        List<McpSchema.Tool> tools = client.listTools().tools();
        List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
        assertTrue(names.containsAll(CATALOGUE), names.toString());
        tools.forEach(t -> assertEquals("object", t.inputSchema().get("type"), t.name()));
    }

    @Test
    void marketBuyFillsAndShowsInHistoryAndPortfolio() throws Exception {
        Map<String, Object> before = call("get_portfolio_status", Map.of());
        assertEquals("ok", before.get("status"));
        Map<String, Object> placed = call("place_mock_order", Map.of("orders",
                List.of(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", 0.01, "type", "market"))));
        assertEquals(1, ((Number) placed.get("order_count")).intValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fills = (List<Map<String, Object>>) placed.get("fills");
        assertEquals(1, fills.size(), placed.toString());
        String orderId = String.valueOf(fills.get(0).get("order_id"));
        // the ledger workflow records a signalled fill asynchronously (persist activity), so poll, bounded
        Map<String, Object> history = null;
        List<Map<String, Object>> tx = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (tx.stream().noneMatch(t -> orderId.equals(String.valueOf(t.get("order_id")))) && System.nanoTime() < deadline) {
            node.vertx.timer(100).await(5, TimeUnit.SECONDS);
            history = call("get_transaction_history", Map.of("limit", 50));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> seen = (List<Map<String, Object>>) history.get("transactions");
            tx = seen;
        }
        assertTrue(tx.stream().anyMatch(t -> orderId.equals(String.valueOf(t.get("order_id")))),
                history + " / portfolio: " + call("get_portfolio_status", Map.of()));
        assertEquals(tx.size(), ((Number) history.get("count")).intValue());

        Map<String, Object> after = call("get_portfolio_status", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> positions = (Map<String, Object>) after.get("positions");
        assertTrue(positions.containsKey("BTC-USD"), after.toString());
        assertTrue(call("get_pnl_status_with_quality", Map.of()).containsKey("price_staleness_info"));
        assertTrue(call("get_risk_metrics", Map.of()).size() > 0);
        assertTrue(call("get_performance_metrics", Map.of("window_days", 7)).containsKey("window_days"));
    }

    @Test
    void badOrdersAreRejectedBeforeAnythingRuns() {
        assertEquals("MCP_BAD_ARGUMENTS", error("place_mock_order", Map.of("orders",
                List.of(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", -0.01)))).get("error"));
        assertEquals("ORDER_UNKNOWN_SYMBOL", error("place_mock_order", Map.of("orders",
                List.of(Map.of("symbol", "DOGE-USD", "side", "BUY", "qty", 1)))).get("error"));
        assertEquals("MCP_BAD_ARGUMENTS", error("place_mock_order", Map.of("orders",
                List.of(Map.of("symbol", "BTC-USD", "side", "BUY", "qty", 1, "type", "limit")))).get("error"));
        assertEquals("MCP_BAD_ARGUMENTS", error("place_mock_order", Map.of("orders", List.of())).get("error"));
        assertEquals("ORDER_NOT_CANCELLABLE", error("cancel_order", Map.of("order_id", "no-such-order")).get("error"));
        long audited = McpTestServer.await(node.ctx.pool()
                .query("SELECT count(*) FROM mcp_audit WHERE tool = 'place_mock_order' AND is_error").execute())
                .iterator().next().getLong(0);
        assertTrue(audited >= 4, "rejected trading calls are audited too: " + audited);
    }

    @Test
    void marketStreamAndHistoryTools() {
        Map<String, Object> sub = call("subscribe_cex_stream", Map.of("symbols", List.of("BTC-USD", "ETH-USD")));
        assertEquals(io.tradingstack.bus.DurableNames.MarketStream.ID, sub.get("workflow_id"));
        Map<String, Object> started = call("start_market_stream", Map.of("symbols", List.of("BTC-USD"), "load_historical", true));
        assertTrue(started.containsKey("historical_loader"), started.toString());
        Map<String, Object> ticks = call("get_historical_ticks", Map.of("symbol", "BTC-USD"));
        assertTrue(ticks.containsKey("BTC-USD"), ticks.toString());
        assertEquals("MARKET_UNKNOWN_SYMBOL", error("get_historical_ticks", Map.of("symbol", "DOGE-USD")).get("error"));
        Map<String, Object> cache = call("update_market_cache", Map.of("symbol", "ETH-USD", "timeframe", "1m", "limit", 30));
        assertEquals("ok", cache.get("status"));
        assertEquals("stopped", call("stop_market_stream", Map.of()).get("status"));
    }

    @Test
    void technicalMetricsCatalogue() {
        Map<String, Object> list = call("list_technical_metrics", Map.of());
        assertTrue(((Number) list.get("count")).intValue() > 10, list.toString());
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("compute_technical_metrics",
                Map.of("symbol", "BTC-USD", "timeframe", "1m", "features", List.of("RSI"), "tail", 5)));
        Map<String, Object> out = McpServerTest.structured(r);
        assertTrue(!Boolean.TRUE.equals(r.isError()) || "FEATURES_NOT_WARM".equals(out.get("error"))
                || "FEATURES_BAD_PARAMETER".equals(out.get("error")), out.toString());
        assertEquals("MARKET_UNKNOWN_SYMBOL", error("compute_technical_metrics", Map.of("symbol", "XRP-USD")).get("error"));
    }

    /**
     * Offline (no key): the planner's spec from the replay market's vectors is stored, active, and
     * compiles; it ran on the strategist's prompt in force and consumed the user's pending message.
     */
    @Test
    @SuppressWarnings("unchecked")
    void planStrategyStoresASpecThatCompiles() {
        long note = ((Number) call("send_user_feedback", Map.of("target_agent", "strategist", "message",
                "only trade with the trend")).get("id")).longValue();
        Map<String, Object> planned = call("plan_strategy", Map.of("symbol", "ETH-USD", "timeframe", "15m",
                "risk_profile", "aggressive", "auto_execute", true));
        assertEquals("stored", planned.get("status"));
        assertTrue(((List<Number>) planned.get("feedback_consumed")).stream().anyMatch(id -> id.longValue() == note),
                "the plan read the pending message: " + planned.get("feedback_consumed"));
        assertEquals(0, ((Number) call("get_pending_feedback", Map.of("target_agent", "strategist")).get("count")).intValue());
        Map<String, Object> prompt = (Map<String, Object>) call("get_prompt_history", Map.of("agent", "strategist")).get("current");
        assertEquals("strategist-v" + prompt.get("version"), ((Map<String, Object>) planned.get("llm")).get("prompt_version"),
                "the planner ran on the strategist's prompt in force");
        Map<String, Object> stored = (Map<String, Object>) planned.get("stored");
        assertEquals("planner", stored.get("author"));
        Map<String, Object> spec = (Map<String, Object>) stored.get("spec");
        assertEquals(true, spec.get("allow_auto_execute"));
        assertEquals("offline", ((Map<String, Object>) planned.get("llm")).get("provider"));
        assertEquals(true, call("validate_strategy_spec", Map.of("spec", spec)).get("valid"), "the stored spec compiles");
        Map<String, Object> active = call("get_strategy_spec", Map.of("market", "ETH-USD", "timeframe", "15m"));
        assertEquals(stored.get("version"), active.get("version"));
        assertEquals("STRATEGY_PLAN_BAD_REQUEST", error("plan_strategy", Map.of("symbol", "ETH-USD", "timeframe", "2h")).get("error"));
    }
}
