package io.tradingstack.mcp;

import io.tradingstack.backtest.sweep.SweepCommand;
import io.tradingstack.backtest.sweep.SweepGrid;
import io.tradingstack.backtest.sweep.SweepResult;
import io.tradingstack.backtest.sweep.SweepRequest;
import io.tradingstack.backtest.sweep.GridFile;
import io.tradingstack.backtest.sweep.RunResult;
import io.tradingstack.backtest.sweep.SweepMessages;
import io.tradingstack.backtest.sweep.SweepProgress;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.BusBridge;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run_sweep / get_sweep_result through the real server on the bundled candles. */
class McpSweepToolsTest {
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
    void aSweepRanksItsSetsAsTheCommandLineDoes() {
        Map<String, Object> started = call("run_sweep", Map.of("pair", "BTC-USD", "timeframe", "15m", "start", "2023-04-10",
                "end", "2023-04-13", "parameters", Map.of("rsi_max", List.of(60, 70), "atr_mult", List.of(1.5, 3)),
                "metric", "total_return"));
        String id = (String) started.get("workflow_id");
        assertEquals(4, ((Number) started.get("sets")).intValue(), started.toString());
        Map<String, Object> r = call("get_sweep_result", Map.of("workflow_id", id, "wait_seconds", 30));
        assertEquals("DONE", r.get("status"), r.toString());
        assertEquals(4, ((Number) r.get("runs")).intValue());
        List<Map<String, Object>> table = (List<Map<String, Object>>) r.get("table");
        assertEquals(List.of(1, 2, 3, 4), table.stream().map(x -> ((Number) x.get("rank")).intValue()).toList());

        Path data = server.ctx.config().dataDir().resolve("backtesting").resolve("runs").resolve(id).resolve("candles-1m.json");
        SweepGrid grid = GridFile.parse("{\"data\": \"" + data + "\", \"pair\": \"BTC-USD\", \"timeframe\": \"15m\","
                + " \"parameters\": {\"rsi_max\": [60, 70], \"atr_mult\": [1.5, 3]}}");
        SweepResult local = SweepCommand.run(SweepRequest.of(grid, null), 1);
        for (int i = 0; i < 4; i++) {
            Map<String, Object> row = table.get(i);
            assertEquals(local.ranked().get(i).index(), ((Number) row.get("set")).intValue());
            Object got = ((Map<String, Object>) row.get("metrics")).get("total_return");
            assertEquals(0, local.ranked().get(i).metric("total_return").compareTo(new BigDecimal(String.valueOf(got))), row.toString());
        }
        Map<String, Object> top = call("get_sweep_result", Map.of("workflow_id", id, "top", 1));
        assertEquals(1, ((List<?>) top.get("table")).size());
    }

    @Test
    void aBadGridStartsNothingAndAnUnknownIdIsAClearError() throws IOException {
        Set<String> before = runDirs();
        assertEquals("SWEEP_BAD_GRID", error("run_sweep", Map.of("pair", "BTC-USD",
                "parameters", Map.of("rsi_max", List.of(60, 170)))).get("error"));
        assertEquals("SWEEP_BAD_GRID", error("run_sweep", Map.of("pair", "BTC-USD",
                "parameters", Map.of("fast", List.of(1)))).get("error"));
        assertEquals("SWEEP_BAD_GRID", error("run_sweep", Map.of("pair", "BTC-USD", "search", "random",
                "parameters", Map.of("rsi_max", List.of(60)))).get("error"));
        assertEquals("MCP_BAD_ARGUMENTS", error("run_sweep", Map.of("pair", "BTC-USD")).get("error"));
        List<Integer> fifty = java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList();
        Map<String, Object> big = error("run_sweep", Map.of("pair", "BTC-USD", "parameters", Map.of("rsi_max", fifty,
                "max_trades_per_day", fifty)));
        assertEquals("SWEEP_BAD_GRID", big.get("error"));
        assertTrue(String.valueOf(big.get("message")).contains("2500 sets"), big.toString());
        assertEquals(before, runDirs());
        Map<String, Object> e = error("get_sweep_result", Map.of("workflow_id", "sweep-mcp-nosuchrun"));
        assertEquals("SWEEP_NOT_FOUND", e.get("error"));
        assertEquals(8021, ((Number) e.get("code")).intValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSweepTemporalNoLongerKnowsAnswersFromPostgres() {
        String done = "sweep-mcp-stored-" + System.nanoTime();
        String running = "sweep-mcp-cut-" + System.nanoTime();
        SweepRequest request = SweepRequest.of(GridFile.parse("{\"data\": \"x.csv\", \"parameters\": {\"rsi_max\": [60]}}"), null);
        RunResult run = new RunResult("grid", -1, 0, Map.of("rsi_max", new BigDecimal("60")),
                Map.of("total_return", new BigDecimal("0.0123")), 100, "7@elsewhere", 3);
        SweepResult result = new SweepResult("total_return", 1, List.of(run), List.of(), null, Map.of("7@elsewhere", 1));
        save(done, request, new SweepProgress(SweepProgress.DONE, 1, 1, result, null, null));
        save(running, request, new SweepProgress(SweepProgress.RUNNING, 0, 1, null, null, null));

        Map<String, Object> r = call("get_sweep_result", Map.of("workflow_id", done));
        assertEquals("DONE", r.get("status"), r.toString());
        Map<String, Object> row = ((List<Map<String, Object>>) r.get("table")).get(0);
        assertEquals("7@elsewhere", row.get("worker"));
        assertEquals(0, new BigDecimal("0.0123").compareTo(new BigDecimal(String.valueOf(
                ((Map<String, Object>) row.get("metrics")).get("total_return")))));
        Map<String, Object> e = error("get_sweep_result", Map.of("workflow_id", running));
        assertEquals("SWEEP_INTERRUPTED", e.get("error"), e.toString());
        assertEquals("INTERRUPTED", e.get("status"));
    }

    private static void save(String id, SweepRequest request, SweepProgress progress) {
        new BusBridge(server.vertx).request(Addresses.SWEEP_SAVE, new SweepMessages.Save(id, Json.write(request),
                Json.write(progress)), SweepMessages.Saved.class);
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
