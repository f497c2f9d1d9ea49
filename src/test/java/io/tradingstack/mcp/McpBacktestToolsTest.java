package io.tradingstack.mcp;

import io.tradingstack.backtest.BacktestRequest;
import io.tradingstack.backtest.BacktestRunner;
import io.tradingstack.backtest.BacktestSummary;
import io.tradingstack.testing.TestInfra;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run_backtest / get_backtest_result through the real server with the Java SDK client, on the bundled real candles. */
class McpBacktestToolsTest {
    private static McpTestServer server;
    private static McpSyncClient client;

    @BeforeAll
    static void start() {
        server = McpTestServer.start(Map.of());
        client = server.client();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBacktestOnRealCandlesCompletesAndItsResultIsReadable() throws Exception {
        List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
        assertTrue(names.containsAll(List.of("run_backtest", "get_backtest_result")), names.toString());
        Map<String, Object> started = call("run_backtest", Map.of("pair", "BTC-USD", "timeframe", "15m",
                "start", "2023-04-10", "end", "2023-04-11", "strategy", "ema-rsi-atr", "initial_cash", 10000,
                "fee_bps", 10, "slippage_bps", 5, "risk_overrides", Map.of("max_position_risk_pct", 1.0)));
        String workflowId = (String) started.get("workflow_id");
        assertTrue(workflowId.startsWith(io.tradingstack.bus.DurableNames.Backtest.MCP_ID_PREFIX), started.toString());
        assertFalse(String.valueOf(started.get("run_id")).isBlank());
        assertEquals("STARTED", started.get("status"));

        Map<String, Object> result = awaitDone(workflowId);
        assertEquals("BTC-USD", result.get("pair"));
        assertEquals("15m", result.get("timeframe"));
        assertEquals(192, ((Number) result.get("bars")).intValue(), result.toString());
        Map<String, Object> metrics = (Map<String, Object>) result.get("metrics");
        assertTrue(metrics.containsKey("final_equity"), result.toString());
        Map<String, Object> counts = (Map<String, Object>) result.get("counts");
        assertTrue(counts.get("orders") instanceof Map<?, ?>, counts.toString());
        assertTrue(((Number) counts.get("fills")).intValue() > 0, "the window should trade: " + result);
        assertTrue(Files.isRegularFile(Path.of((String) result.get("report_json"))));
        assertTrue(Files.isRegularFile(Path.of((String) result.get("report_html"))));

        // the same request run directly gives the same figures: the tool reports the engine's real result
        Path runDir = Path.of((String) started.get("report_dir"));
        BacktestSummary direct = BacktestRunner.run(new BacktestRequest(List.of(runDir.resolve("candles-1m.json").toString()),
                List.of("BTC-USD"), null, null, "15m", "ema-rsi-atr", null, Map.of("max_position_risk_pct", "1.0"),
                new BigDecimal("10000"), new BigDecimal("10"), new BigDecimal("5"), null, null,
                TestInfra.newDir("bt-direct").toString()), (d, t) -> { }).summary();
        assertEquals(0, direct.finalEquity().compareTo(new BigDecimal(String.valueOf(result.get("final_equity")))),
                direct + " vs " + result);
        assertEquals(direct.trades(), ((Number) result.get("trades")).intValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anLlmBacktestPlansAndJudgesThroughTheLlmComponentAndReachesDone() throws Exception {
        String llm = McpTestServer.await(server.vertx.deployVerticle(new io.tradingstack.llm.LlmVerticle(server.ctx)));
        try {
            Map<String, Object> started = call("run_backtest", Map.of("pair", "BTC-USD", "timeframe", "5m",
                    "start", "2023-04-10", "end", "2023-04-11", "strategy", "llm", "llm_calls_per_day", 4));
            Map<String, Object> result = awaitDone((String) started.get("workflow_id"));
            assertEquals("llm", result.get("strategy"), result.toString());
            assertEquals(io.tradingstack.bus.DurableNames.Backtest.LLM_TYPE, io.tradingstack.testing.TestInfra.temporal().client()
                    .newUntypedWorkflowStub((String) started.get("workflow_id"), java.util.Optional.empty(), java.util.Optional.empty())
                    .describe().getWorkflowType(), "the LLM strategist's run has its own workflow type");
            Map<String, Object> report = io.tradingstack.bus.Json.MAPPER.readValue(
                    Path.of((String) result.get("report_json")).toFile(), Map.class);
            List<Map<String, Object>> days = (List<Map<String, Object>>) ((Map<String, Object>) report.get("llm")).get("days");
            assertEquals(2, days.size(), days.toString());
            List<Map<String, Object>> plans = (List<Map<String, Object>>) days.get(0).get("plans");
            assertEquals("planned", plans.get(0).get("outcome"), days.toString());
            assertTrue(days.get(0).get("judge") instanceof Map<?, ?>, days.toString());
        } finally {
            McpTestServer.await(server.vertx.undeploy(llm));
        }
    }

    @Test
    void badArgumentsStartNothing() throws IOException {
        Set<String> before = runDirs();
        assertEquals("MCP_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "BTC-USD", "initial_cash", -5)).get("error"));
        assertEquals("MCP_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "BTC-USD", "strategy", "moon")).get("error"));
        assertEquals("MCP_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "BTC-USD", "start", "10/04/2023")).get("error"));
        assertEquals("MCP_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "BTC-USD",
                "risk_overrides", Map.of("max_leverage", 2))).get("error"));
        assertEquals("MCP_BAD_ARGUMENTS", error("run_backtest", Map.of("timeframe", "1h")).get("error"));
        assertEquals("BACKTEST_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "BTC-USD",
                "start", "2023-04-12", "end", "2023-04-10")).get("error"));
        assertEquals("BACKTEST_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "SOL-USD")).get("error"));
        assertEquals("BACKTEST_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "BTC-USD",
                "start", "2024-01-01", "end", "2024-01-02")).get("error"));
        assertEquals("BACKTEST_BAD_ARGUMENTS", error("run_backtest", Map.of("pair", "BTC-USD",
                "source", "exchange")).get("error"));
        assertEquals(before, runDirs());
    }

    @Test
    void anUnknownWorkflowIdIsAClearError() {
        Map<String, Object> e = error("get_backtest_result", Map.of("workflow_id", "backtest-mcp-nosuchrun"));
        assertEquals("BACKTEST_NOT_FOUND", e.get("error"));
        assertEquals(8002, ((Number) e.get("code")).intValue());
        assertEquals("MCP_BAD_ARGUMENTS", error("get_backtest_result", Map.of()).get("error"));
    }

    @Test
    void aFailedRunReportsItsOwnCode() throws Exception {
        // a run whose data file vanished: the activity fails with BACKTEST_BAD_DATA, not retried
        Path missing = TestInfra.newDir("bt-missing").resolve("gone.json");
        Path out = TestInfra.newDir("bt-out");
        String id = io.tradingstack.bus.DurableNames.Backtest.MCP_ID_PREFIX + "failing-" + System.nanoTime();
        BacktestRequest request = new BacktestRequest(List.of(missing.toString()), List.of("BTC-USD"), null, null, "1h",
                null, null, null, null, null, null, null, null, out.toString());
        io.temporal.client.WorkflowStub stub = io.tradingstack.testing.TestInfra.temporal().client()
                .newUntypedWorkflowStub(io.tradingstack.bus.DurableNames.Backtest.TYPE, io.temporal.client.WorkflowOptions.newBuilder()
                        .setWorkflowId(id).setTaskQueue(McpTestServer.QUEUE).build());
        stub.start(request);
        try {
            stub.getResult(BacktestSummary.class);
        } catch (io.temporal.client.WorkflowFailedException expected) {
            // the failure is what get_backtest_result must report
        }
        Map<String, Object> e = error("get_backtest_result", Map.of("workflow_id", id));
        assertEquals("BACKTEST_BAD_DATA", e.get("error"), e.toString());
        assertEquals("FAILED", e.get("status"));
        assertTrue(String.valueOf(e.get("message")).contains("gone.json"), e.toString());
    }

    private static Map<String, Object> awaitDone(String workflowId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Map<String, Object> r = call("get_backtest_result", Map.of("workflow_id", workflowId));
            String status = String.valueOf(r.get("status"));
            assertTrue(Set.of("STARTED", "RUNNING", "DONE").contains(status), r.toString());
            if ("DONE".equals(status)) {
                return r;
            }
            assertTrue(System.nanoTime() < deadline, "backtest not done within 120 s: " + r);
            server.vertx.timer(200).await(5, TimeUnit.SECONDS);
        }
    }

    private static Set<String> runDirs() throws IOException {
        Path runs = server.ctx.config().dataDir().resolve("backtesting").resolve("runs");
        if (!Files.isDirectory(runs)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
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
}
