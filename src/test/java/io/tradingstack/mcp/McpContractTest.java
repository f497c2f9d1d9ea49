package io.tradingstack.mcp;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MCP contract, through the official TypeScript SDK client ({@code src/test/node/contract.mjs}):
 * every tool is called, every result (errors included) is validated with ajv against the tool's
 * declared outputSchema, and no result carries serializer artefacts ({@code map}/{@code list}/
 * {@code empty} wrappers). Skipped, with the reason, only when node or npm is not on the PATH.
 */
class McpContractTest {
    private static McpTestServer server;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(McpNodeInteropTest.nodeReady(), "node/npm not on the PATH: TypeScript SDK contract test skipped");
        McpTestServer.resetSingletons();
        server = McpTestServer.node(Set.of("exchange", "feed", "features", "ledger"),
                Map.of("MCP_AUTH_TOKEN", "contract-token", "INITIAL_PORTFOLIO_BALANCE", "100000",
                        // the judge's evaluation may propose adjustments: clamped to 1, they leave the shared gate as it is
                        "JUDGE_MIN_MULTIPLIER", "1.0"));
        McpCatalogueTest.awaitPrice(server, "BTC-USD");
    }

    @AfterAll
    static void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyToolAnswersWhatItsOutputSchemaDeclares() throws Exception {
        McpNodeInteropTest.Result r = McpNodeInteropTest.run(List.of("node", "contract.mjs", server.url(), "contract-token"), 300);
        assertEquals(0, r.exit(), r.output());
        JsonObject out = McpNodeInteropTest.lastJsonLine(r.output());
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "mcp-contract.json"), out.encodePrettily());
        assertTrue(out.getJsonObject("calls").size() >= 24, "every tool was called: " + out.getJsonObject("calls").fieldNames());
        out.getJsonObject("calls").forEach(e -> assertTrue(((JsonObject) e.getValue()).getBoolean("valid"), e.getKey()));
        assertEquals(List.of(), out.getJsonArray("problems").getList(), out.encodePrettily());
        JsonObject tools = out.getJsonObject("tools");
        JsonObject calls = out.getJsonObject("calls");
        for (String tool : McpCatalogueTest.CATALOGUE) {
            assertTrue(tools.getJsonObject(tool).getBoolean("outputSchema"), tool + " declares an outputSchema");
            JsonObject hints = tools.getJsonObject(tool).getJsonObject("annotations");
            for (String h : List.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint")) {
                assertTrue(hints.containsKey(h), tool + " sets " + h);
            }
            assertTrue(calls.fieldNames().stream().anyMatch(k -> tool.equals(calls.getJsonObject(k).getString("tool"))),
                    tool + " was called");
        }
        assertTrue(tools.getJsonObject("get_portfolio_status").getJsonObject("annotations").getBoolean("readOnlyHint"));
        assertFalse(tools.getJsonObject("place_mock_order").getJsonObject("annotations").getBoolean("readOnlyHint"));
        assertTrue(tools.getJsonObject("cancel_order").getJsonObject("annotations").getBoolean("destructiveHint"));

        assertFalse(ok(calls, "get_historical_ticks").getJsonArray("BTC-USD").isEmpty(), "historical prices are returned");
        assertFalse(ok(calls, "list_technical_metrics").getJsonArray("metrics").isEmpty());
        assertEquals(5, ok(calls, "compute_technical_metrics").getJsonArray("preview").size());
        assertEquals("DONE", ok(calls, "get_backtest_result").getString("status"));
        assertEquals("TOOL_CALLS", ok(calls, "broker_chat").getString("status"), "offline, \"portfolio\" asks for a tool");
        JsonObject answered = calls.getJsonObject("broker_chat (tool results)").getJsonObject("structured");
        assertEquals("ANSWER", answered.getString("status"), answered.encode());
        assertTrue(answered.getString("text").startsWith("Portfolio: cash "), answered.encode());
        assertEquals("BROKER_NO_SUCH_TURN", calls.getJsonObject("broker_chat (unknown turn)").getString("error"));
        assertEquals(2, ok(calls, "get_broker_transcript").getInteger("count"));
        JsonObject portfolio = ok(calls, "get_portfolio_status");
        JsonObject btc = portfolio.getJsonObject("position_details").getJsonObject("BTC-USD");
        assertTrue(btc.getBoolean("price_is_live"), btc.encode());
        assertEquals("live_feed", btc.getString("price_source"));
        assertTrue(portfolio.getValue("total_pnl") instanceof Number && portfolio.getValue("cash") instanceof Number,
                "money as JSON numbers: " + portfolio.encode());

        JsonObject gated = calls.getJsonObject("place_mock_order (risk gate)");
        assertEquals("RISK_POSITION_RISK", gated.getString("error"),
                "a buy risking a quarter of its price at its stop is refused by the gate: " + gated.encode());
        JsonObject today = ok(calls, "get_limit_enforcement");
        assertTrue(today.getInteger("trades_attempted") >= 3 && today.getInteger("trades_blocked_by_max_position_risk_pct") >= 1,
                today.encode());
        assertEquals(0, ok(calls, "get_limit_enforcement (quiet day)").getInteger("trades_attempted"));
        assertEquals(1, ok(calls, "get_risk_adjustments").getInteger("global_multiplier"));
        assertTrue(ok(calls, "list_strategy_specs").getInteger("count") >= 2, "the shipped specs are stored");
        assertEquals("BTC-USD", ok(calls, "get_strategy_spec").getJsonObject("spec").getString("market"));
        assertEquals("STRATEGY_SPEC_NOT_FOUND", calls.getJsonObject("get_strategy_spec (none)").getString("error"));
        assertTrue(ok(calls, "validate_strategy_spec").getBoolean("valid"), "the stored spec validates as it is returned");
        JsonObject invalid = ok(calls, "validate_strategy_spec (invalid)");
        assertFalse(invalid.getBoolean("valid"));
        assertEquals("triggers[0].entry_rule", invalid.getJsonArray("errors").getJsonObject(0).getString("path"), invalid.encode());
        assertEquals("offline", ok(calls, "get_llm_usage").getString("provider"));
        JsonObject evaluated = ok(calls, "evaluate_strategy");
        assertEquals(5, evaluated.getJsonArray("bars").size(), evaluated.encode());
        assertTrue(evaluated.getInteger("bars_fetched") > 5, "a warm-up precedes the window: " + evaluated.getInteger("bars_fetched"));
        JsonObject agent = ok(calls, "get_execution_state");
        assertTrue(agent.getBoolean("running") && agent.getBoolean("paused"), "started paused, as the test stack disables it: "
                + agent.encode());
        assertEquals(0, agent.getInteger("seq"), "a paused agent makes no nudge: " + agent.encode());
        assertTrue(ok(calls, "get_recent_decisions").getInteger("count") <= 5, "at most the limit (the shared database keeps "
                + "other test classes' decisions)");
        assertTrue(ok(calls, "trigger_performance_evaluation").getBoolean("triggered"));
        assertFalse(ok(calls, "trigger_performance_evaluation (again)").getBoolean("triggered"), "queued or in its cooldown");
        assertEquals("insufficient_data", ok(calls, "get_judge_evaluations (none yet)").getJsonObject("trend").getString("trend"));
        assertEquals("JUDGE_NO_SUCH_VERSION", calls.getJsonObject("rollback_prompt (unknown)").getString("error"));
        JsonObject planned = ok(calls, "plan_strategy");
        assertEquals("stored", planned.getString("status"), planned.encode());
        assertEquals("ETH-USD", planned.getJsonObject("stored").getString("market"));
        assertEquals("STRATEGY_PLAN_BAD_REQUEST", calls.getJsonObject("plan_strategy (timeframe not computed)").getString("error"));
        assertEquals("user", ok(calls, "send_user_feedback").getString("author"));
        assertTrue(ok(calls, "get_pending_feedback").getInteger("count") >= 1);
        assertEquals("execution", ok(calls, "get_prompt_history").getString("agent"));
        JsonObject afterStop = calls.getJsonObject("place_mock_order (after stop)");
        assertTrue(afterStop.getBoolean("isError"), afterStop.encode());
        assertNotEquals("INTERNAL", afterStop.getString("error"), "an order after a stop is a coded rejection");
        assertEquals("BACKTEST_NOT_FOUND", calls.getJsonObject("get_backtest_result (unknown)").getString("error"));
        assertEquals("DONE", ok(calls, "get_sweep_result").getString("status"));
        assertEquals("SWEEP_NOT_FOUND", calls.getJsonObject("get_sweep_result (unknown)").getString("error"));
    }

    private static JsonObject ok(JsonObject calls, String label) {
        JsonObject c = calls.getJsonObject(label);
        assertFalse(c.getBoolean("isError"), label + ": " + c.encode());
        return c.getJsonObject("structured");
    }
}
