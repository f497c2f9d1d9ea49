package io.tradingstack.mcp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official TypeScript SDK ({@code @modelcontextprotocol/sdk}, pinned in src/test/node) against
 * the real server. The test installs the Node project itself ({@code npm ci}); it is skipped, with
 * the reason shown, only when node or npm is not on the PATH.
 */
class McpNodeInteropTest {
    private static final Path PROJECT = Path.of("src", "test", "node").toAbsolutePath();
    private static McpTestServer server;

    @BeforeAll
    static void setUp() throws Exception {
        Assumptions.assumeTrue(nodeReady(), "node/npm is not on the PATH: TypeScript SDK interop test skipped");
        McpTestServer.resetSingletons();
        server = McpTestServer.node(java.util.Set.of("exchange", "feed", "ledger"),
                Map.of("MCP_AUTH_TOKEN", "interop-token", "INITIAL_PORTFOLIO_BALANCE", "1000000"));
        McpCatalogueTest.awaitPrice(server, "BTC-USD");
    }

    @AfterAll
    static void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void typeScriptSdkListsToolsBuysAndSeesTheFill() throws Exception {
        Result r = run(List.of("node", "interop.mjs", server.url(), "interop-token"), 120);
        assertEquals(0, r.exit(), r.output());
        JsonObject out = lastJsonLine(r.output());
        JsonArray tools = out.getJsonArray("tools");
        assertTrue(tools.getList().containsAll(McpCatalogueTest.CATALOGUE), tools.encode());
        JsonObject steps = out.getJsonObject("steps");
        assertTrue(steps.getBoolean("ping"));

        JsonObject portfolio = steps.getJsonObject("portfolioBefore");
        assertFalse(portfolio.getBoolean("isError"), portfolio.encode());
        assertEquals("ok", portfolio.getJsonObject("structured").getString("status"));

        JsonObject order = steps.getJsonObject("order");
        assertFalse(order.getBoolean("isError"), order.encode());
        JsonObject fill = order.getJsonObject("structured").getJsonArray("fills").getJsonObject(0);
        assertEquals("BTC-USD", fill.getString("symbol"));
        assertEquals("BUY", fill.getString("side"));
        assertEquals(0, new java.math.BigDecimal("0.01").compareTo(new java.math.BigDecimal(fill.getValue("qty").toString())));
        assertEquals("FILLED", order.getJsonObject("structured").getJsonArray("orders").getJsonObject(0).getString("status"));

        JsonObject history = steps.getJsonObject("history").getJsonObject("structured");
        String orderId = fill.getString("order_id");
        assertTrue(history.getJsonArray("transactions").stream()
                .anyMatch(t -> orderId.equals(((JsonObject) t).getString("order_id"))), history.encode());
        assertEquals(history.getJsonArray("transactions").size(), history.getInteger("count"));
        assertFalse(steps.getJsonObject("preferences").getBoolean("isError"), steps.encode());
        assertTrue(steps.getJsonObject("preferences").getJsonObject("structured").containsKey("risk_tolerance"));
        assertTrue(out.getBoolean("terminated"));
        assertFalse(server.ctx.config().mcpAuthToken().isEmpty());
    }

    /** True when node and npm are there; installs the pinned Node project ({@code npm ci}) when needed. */
    static synchronized boolean nodeReady() throws IOException, InterruptedException {
        if (!available("node") || !available("npm")) {
            return false;
        }
        if (!Files.isDirectory(PROJECT.resolve("node_modules/@modelcontextprotocol/sdk"))
                || !Files.isDirectory(PROJECT.resolve("node_modules/ajv-formats"))) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
            assertEquals(0, install.exit(), "npm ci failed:\n" + install.output());
        }
        return true;
    }

    static JsonObject lastJsonLine(String output) {
        List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
        assertFalse(lines.isEmpty(), "no JSON output from the node script:\n" + output);
        return new JsonObject(lines.get(lines.size() - 1));
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        File log = Files.createTempFile("node-", ".log").toFile();
        Process p = new ProcessBuilder(command).directory(PROJECT.toFile())
                .redirectErrorStream(true).redirectOutput(log).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log.toPath()));
        }
        return new Result(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static boolean available(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
