package io.tradingstack.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.testing.TestInfra;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end through the real server with the MCP Java SDK client, plus raw-HTTP protocol checks. */
class McpServerTest {
    private static McpTestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        McpTestServer.resetSingletons();
        server = McpTestServer.start(Map.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthzAnswersOnTheMcpPort() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"status\":\"UP\""), r.body());
    }

    @Test
    void javaClientSetsAndReadsPreferencesWithProgressAndLogging() {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        List<McpSchema.LoggingMessageNotification> logs = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = server.client(t -> { }, s -> s.progressConsumer(progress::add).loggingConsumer(logs::add))) {
            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(names.containsAll(List.of("set_user_preferences", "get_user_preferences")), names.toString());
            assertNotNull(client.ping());

            McpSchema.CallToolResult set = client.callTool(McpSchema.CallToolRequest.builder("set_user_preferences")
                    .arguments(Map.of("preferences", Map.of("experience_level", "advanced", "risk_tolerance", "high",
                            "trading_style", "aggressive", "profit_scraping_percentage", "25%")))
                    .progressToken("p-1").build());
            assertFalse(Boolean.TRUE.equals(set.isError()), set.toString());
            assertEquals("success", structured(set).get("status"));

            McpSchema.CallToolResult get = client.callTool(new McpSchema.CallToolRequest("get_user_preferences", Map.of()));
            Map<String, Object> prefs = structured(get);
            assertEquals("advanced", prefs.get("experience_level"));
            assertEquals("aggressive", prefs.get("trading_style"));
            assertEquals(0.25, ((Number) prefs.get("profit_scraping_percentage")).doubleValue(), 1e-12);
            assertTrue(get.content().get(0) instanceof McpSchema.TextContent text && text.text().contains("advanced"));

            assertTrue(progress.stream().anyMatch(p -> "p-1".equals(p.progressToken()) && p.progress() == 1.0), progress.toString());
            assertTrue(logs.stream().anyMatch(l -> l.data().contains("preferences updated")), logs.toString());
        }
        List<Row> audit = McpTestServer.await(server.ctx.pool()
                .query("SELECT tool, is_error, arguments FROM mcp_audit WHERE tool = 'set_user_preferences'").execute())
                .stream().toList();
        assertFalse(audit.isEmpty());
    }

    @Test
    void aSecondSignalToTheRunningBrokerIsSeenAtOnce() {
        try (McpSyncClient client = server.client()) {
            for (String style : List.of("conservative", "balanced", "aggressive")) {
                McpSchema.CallToolResult set = client.callTool(new McpSchema.CallToolRequest("set_user_preferences",
                        Map.of("preferences", Map.of("experience_level", "beginner", "risk_tolerance", "low",
                                "trading_style", style))));
                assertFalse(Boolean.TRUE.equals(set.isError()), set.toString());
                McpSchema.CallToolResult get = client.callTool(new McpSchema.CallToolRequest("get_user_preferences", Map.of()));
                assertEquals(style, structured(get).get("trading_style"));
            }
        }
    }

    @Test
    void badArgumentsAreAnErrorResultAndExecuteNothing() {
        try (McpSyncClient client = server.client()) {
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("set_user_preferences",
                    Map.of("preferences", Map.of("experience_level", "guru"))));
            assertTrue(r.isError());
            assertEquals("MCP_BAD_ARGUMENTS", structured(r).get("error"));
            assertEquals(7000, ((Number) structured(r).get("code")).intValue());
            McpSchema.CallToolResult prefs = client.callTool(new McpSchema.CallToolRequest("get_user_preferences", Map.of()));
            assertFalse("guru".equals(structured(prefs).get("experience_level")));
        }
    }

    @Test
    void unknownToolIsAProtocolError() {
        try (McpSyncClient client = server.client()) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> client.callTool(new McpSchema.CallToolRequest("launch_rocket", Map.of())));
            assertTrue(String.valueOf(e.getMessage()).toLowerCase().contains("unknown tool")
                    || String.valueOf(e.getMessage()).contains("launch_rocket"), e.getMessage());
        }
    }

    @Test
    void foreignOriginAndHostAreForbidden() throws Exception {
        assertEquals(403, post(Map.of("Origin", "http://evil.example"), initialize()).statusCode());
        assertEquals(403, post(Map.of("Origin", "null"), initialize()).statusCode());
        assertEquals(200, post(Map.of("Origin", "http://localhost:3000"), initialize()).statusCode());
    }

    @Test
    void unknownSessionIs404AndDeletedSessionIsGone() throws Exception {
        HttpResponse<String> unknown = post(Map.of("Mcp-Session-Id", "no-such-session"), ping());
        assertEquals(404, unknown.statusCode());

        HttpResponse<String> init = post(Map.of(), initialize());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertEquals(202, post(Map.of("Mcp-Session-Id", session), initialized()).statusCode());
        HttpResponse<String> pong = post(Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"), ping());
        assertEquals(200, pong.statusCode());
        assertTrue(pong.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(400, post(Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01"), ping()).statusCode());

        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
                .header("Mcp-Session-Id", session).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, delete.statusCode());
        assertEquals(404, post(Map.of("Mcp-Session-Id", session), ping()).statusCode());
    }

    @Test
    void listeningStreamOpensOncePerSession() throws Exception {
        String session = post(Map.of(), initialize()).headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpRequest get = HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build();
        HttpResponse<java.io.InputStream> stream = HTTP.send(get, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = stream.body()) {
            assertEquals(200, stream.statusCode());
            assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            byte[] first = in.readNBytes(": stream open".length());
            assertEquals(": stream open", new String(first, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(409, HTTP.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        HttpRequest noSse = HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
                .header("Accept", "application/json").header("Mcp-Session-Id", session).GET().build();
        assertEquals(406, HTTP.send(noSse, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat((int) McpVerticle.MAX_BODY_BYTES) + "\"}}";
        assertEquals(413, post(Map.of(), huge).statusCode());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertEquals(400, post(Map.of(), "{not json").statusCode());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(McpSchema.CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    static HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    }

    static String initialized() {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    }

    static String ping() {
        return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
    }

    static String unusedQueue() {
        return TestInfra.uniqueQueue("unused");
    }
}
