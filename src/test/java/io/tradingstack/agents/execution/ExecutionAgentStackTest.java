package io.tradingstack.agents.execution;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.Json;
import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.execution.OrderResult;
import io.tradingstack.execution.OrderService;
import io.tradingstack.execution.PlaceOrderRequest;
import io.tradingstack.mcp.McpTestServer;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.tradingstack.strategy.store.SpecStoreMessages;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.TestInfra;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance, with no key on the embedded defaults: a whole node (replay exchange at a raised
 * REPLAY_SPEED, feed, features, ledger, risk gate, strategy store, worker, MCP) where the execution
 * agent, resumed through MCP, places paper orders that follow the active spec (the shipped BTC-USD
 * spec on 1-minute bars with an entry that holds while flat, so the test need not wait for a
 * 5-minute crossover); get_recent_decisions shows gate reasons and the ledger verifies. The same
 * decision placed again finds the original order, and a fresh run of the agent (as after a restart
 * of the embedded Temporal) keeps the decisions, the prompt version in force and the preferences.
 */
class ExecutionAgentStackTest {
    private static final String SPEC_ID = "btc-usd-1m-agent-test";
    private static McpTestServer node;
    private static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        McpTestServer.resetSingletons();
        node = McpTestServer.node(Set.of("exchange", "feed", "features", "ledger"), Map.of("REPLAY_SPEED", "10",
                "EXECUTION_NUDGE_SECONDS", "2", "EXECUTION_SYMBOLS", "BTC-USD", "INITIAL_PORTFOLIO_BALANCE", "1000000"));
        Eventually.eventually(Duration.ofSeconds(60), "a BTC-USD price", () -> {
            try {
                return node.vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, "BTC-USD").await(5, TimeUnit.SECONDS) != null;
            } catch (Exception e) {
                return false;
            }
        });
        node.vertx.eventBus().request(Addresses.STRATEGY_SAVE, new SpecStoreMessages.Save(spec())).await(30, TimeUnit.SECONDS);
        client = node.client();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            call("set_execution_agent", Map.of("paused", true));
            node.vertx.eventBus().request(Addresses.STRATEGY_DELETE, new SpecStoreMessages.Delete("BTC-USD", "1m"))
                    .await(30, TimeUnit.SECONDS);
            client.closeGracefully();
            node.close();
        }
    }

    /** The shipped BTC-USD spec on 1-minute bars, its first entry holding whenever the book is flat. */
    private static String spec() throws Exception {
        try (InputStream in = ExecutionAgentStackTest.class.getResourceAsStream("/strategy/defaults/BTC-USD.json")) {
            JsonObject s = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            s.put("id", SPEC_ID).put("timeframe", "1m").put("author", "user");
            s.getJsonArray("triggers").getJsonObject(0).put("entry_rule", "close > 0 and position == 'flat'");
            return s.encode();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAgentTradesTheSpecRecordsItsDecisionsAndKeepsItsStateAcrossARun() throws Exception {
        Map<String, Object> started = call("set_execution_agent", Map.of("paused", false));
        String agentId = (String) started.get("workflow_id");
        Map<String, Object> buy = Eventually.eventuallyGet(Duration.ofSeconds(90), "a decision that bought",
                () -> decisions(50).stream().filter(d -> String.valueOf(d.get("outcome")).startsWith("buy:")).findFirst().orElse(null),
                d -> d != null);

        List<Map<String, Object>> all = decisions(100);
        assertTrue(all.stream().allMatch(d -> String.valueOf(d.get("gate_reason"))
                .matches("BOOTSTRAP|SIGNAL|PRICE_MOVE>=.*|STALE>=.*|PRICE_DELTA<0\\.15%|RATE_LIMIT:.*")), all.toString());
        assertEquals("llm", buy.get("decided_by"), buy.toString());
        assertEquals("offline", buy.get("provider"));
        assertNotNull(buy.get("llm_call_id"));
        Map<String, Object> rules = (Map<String, Object>) buy.get("rules");
        Map<String, Object> intent = ((List<Map<String, Object>>) buy.get("intents")).get(0);
        assertEquals("trend_pullback_long", rules.get("trigger_id"), "the spec's first trigger fired: " + rules);
        assertEquals(0, new BigDecimal(String.valueOf(rules.get("qty"))).compareTo(new BigDecimal(String.valueOf(intent.get("qty")))),
                "the offline model follows the spec's sized proposal: " + buy);
        assertEquals(new BigDecimal(String.valueOf(rules.get("stop_price"))), new BigDecimal(String.valueOf(intent.get("stop_price"))), "with the spec's stop");
        assertEquals("trend_pullback_long", intent.get("trigger_id"), "the order names the spec trigger for the gate's caps: " + intent);
        assertEquals(rules.get("trigger_category"), intent.get("trigger_category"), intent.toString());
        assertNotNull(intent.get("trigger_category"), "the trigger's category goes with it: " + rules);
        String decisionId = (String) buy.get("id");
        String orderId = ((List<String>) buy.get("order_ids")).get(0);
        assertEquals(List.of(orderId), ordersWithClientId(decisionId), "the order carries the decision id as client_order_id");

        // the same decision placed again (a retried activity, a replayed decision) finds the original order
        Intent again = Json.MAPPER.convertValue(intent, Intent.class);
        OrderOutcome repeat = new ExecutionActivitiesImpl(node.ctx).place(decisionId, again);
        assertEquals(orderId, repeat.orderId(), repeat.toString());
        assertEquals("FILLED", repeat.status());
        // ... and so does one whose PlaceOrderWorkflow is forgotten (a restarted embedded Temporal): the ledger knows the id
        OrderIntent sameId = new OrderIntent("BTC-USD", Side.BUY, again.qty(), null, OrderType.MARKET, decisionId, null);
        OrderResult second = new OrderService(TestInfra.temporal().client(), McpTestServer.QUEUE)
                .place(new PlaceOrderRequest("forgotten-" + decisionId, List.of(sameId), false)).get(0);
        assertEquals(OrderStatus.DUPLICATE, second.status(), second.toString());
        assertEquals(orderId, second.original().orderId());
        assertEquals(List.of(orderId), ordersWithClientId(decisionId), "still one order");

        try (Connection c = db()) {
            LedgerVerifier.Report report = new LedgerVerifier(c).verify();
            assertTrue(report.ok(), report.render());
        }

        // a new prompt version and preferences, then a fresh run of the same id (as after a restart)
        WorkflowClient temporal = TestInfra.temporal().client();
        ExecutionAgentWorkflow agent = temporal.newWorkflowStub(ExecutionAgentWorkflow.class, agentId);
        int first = agent.getExecutionState().promptVersion();
        agent.updateSystemPrompt(new PromptSignals.Change("execution", "Trade the spec; hold on Sundays.", "user", "test", null));
        agent.setUserPreferences(Map.of("risk_tolerance", "low"));
        ExecutionView before = Eventually.eventuallyGet(Duration.ofSeconds(30), "the prompt switched", agent::getExecutionState,
                v -> v.promptVersion() > first && "low".equals(v.preferences().get("risk_tolerance")) && v.decisions() > 0);
        int version = before.promptVersion();
        Eventually.eventually(Duration.ofSeconds(30), "the state saved", () -> savedRevisionCoversPrompt(agentId));
        WorkflowStub.fromTyped(agent).terminate("restart");
        call("set_execution_agent", Map.of("paused", false));
        ExecutionAgentWorkflow resumed = temporal.newWorkflowStub(ExecutionAgentWorkflow.class, agentId);
        ExecutionView after = Eventually.eventuallyGet(Duration.ofSeconds(30), "the new run loaded", resumed::getExecutionState,
                v -> v.loaded() && v.seq() > before.seq());
        assertEquals(version, after.promptVersion());
        assertEquals("Trade the spec; hold on Sundays.", after.promptText());
        assertEquals("low", after.preferences().get("risk_tolerance"));
        assertFalse(after.paused());
        Map<String, Object> state = call("get_execution_state", Map.of());
        assertEquals(Boolean.TRUE, state.get("running"));
        assertTrue(decisions(500).stream().anyMatch(d -> decisionId.equals(d.get("id"))), "the decisions are in PostgreSQL");
        Eventually.eventually(Duration.ofSeconds(30), "the new run records with the version in force",
                () -> decisions(5).stream().anyMatch(d -> d.get("prompt_version") instanceof Number n && n.intValue() == version));
    }

    private static boolean savedRevisionCoversPrompt(String agentId) throws Exception {
        try (Connection c = db();
             PreparedStatement s = c.prepareStatement("SELECT state FROM workflow_state WHERE workflow_id = ?")) {
            s.setString(1, agentId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1).contains("hold on Sundays")
                        && rs.getString(1).replace(" ", "").contains("\"risk_tolerance\":\"low\"");
            }
        }
    }

    /** The stack's own database (the shared embedded server's). */
    private static Connection db() throws java.sql.SQLException {
        io.tradingstack.runtime.PgUrl url = TestInfra.postgres().url();
        return java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    private static List<String> ordersWithClientId(String clientOrderId) throws Exception {
        try (Connection c = db();
             PreparedStatement s = c.prepareStatement("SELECT order_id FROM orders WHERE client_order_id = ?")) {
            s.setString(1, clientOrderId);
            try (ResultSet rs = s.executeQuery()) {
                List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> decisions(int limit) {
        return (List<Map<String, Object>>) call("get_recent_decisions", Map.of("limit", limit, "symbol", "BTC-USD")).get("decisions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(r.isError()), tool + " -> " + r.content());
        return (Map<String, Object>) r.structuredContent();
    }
}
