package io.tradingstack.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server with a bearer token, only the read tier, a tiny rate limit and one extra allowed origin. */
class McpSecurityTest {
    private static final String TOKEN = "s3cret-token-for-tests";
    private static McpTestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        McpTestServer.resetSingletons();
        server = McpTestServer.start(Map.of("MCP_AUTH_TOKEN", TOKEN, "MCP_TIERS", "read",
                "MCP_RATE_LIMIT_PER_MINUTE", "3", "MCP_ALLOWED_ORIGINS", "https://app.example.com"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void missingOrWrongTokenIs401() throws Exception {
        HttpResponse<String> missing = post(Map.of());
        assertEquals(401, missing.statusCode());
        assertTrue(missing.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, post(Map.of("Authorization", "Bearer wrong")).statusCode());
        assertEquals(401, post(Map.of("Authorization", "Basic " + TOKEN)).statusCode());
        assertEquals(200, post(Map.of("Authorization", "Bearer " + TOKEN)).statusCode());
    }

    @Test
    void configuredOriginIsAllowedOthersAreNot() throws Exception {
        String auth = "Bearer " + TOKEN;
        assertEquals(200, post(Map.of("Authorization", auth, "Origin", "https://app.example.com")).statusCode());
        assertEquals(403, post(Map.of("Authorization", auth, "Origin", "https://app.example.com.evil.io")).statusCode());
        assertEquals(403, post(Map.of("Authorization", auth, "Origin", "http://app.example.com")).statusCode());
    }

    @Test
    void disabledTierIsNeitherListedNorCallableAndRateLimitApplies() {
        try (McpSyncClient client = authorized()) {
            List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(names.contains("get_user_preferences"), names.toString());
            assertFalse(names.contains("set_user_preferences"), names.toString());
            assertThrows(Exception.class, () -> client.callTool(new McpSchema.CallToolRequest("set_user_preferences",
                    Map.of("preferences", Map.of("experience_level", "advanced", "risk_tolerance", "high", "trading_style", "balanced")))));

            for (int i = 0; i < 3; i++) {
                McpSchema.CallToolResult ok = client.callTool(new McpSchema.CallToolRequest("get_user_preferences", Map.of()));
                assertFalse(Boolean.TRUE.equals(ok.isError()), ok.toString());
            }
            McpSchema.CallToolResult limited = client.callTool(new McpSchema.CallToolRequest("get_user_preferences", Map.of()));
            assertTrue(limited.isError());
            assertEquals("MCP_RATE_LIMITED", McpServerTest.structured(limited).get("error"));
        }
    }

    private McpSyncClient authorized() {
        return server.client(t -> t.httpRequestCustomizer((b, method, uri, body, ctx) -> b.header("Authorization", "Bearer " + TOKEN)), s -> { });
    }

    private static HttpResponse<String> post(Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(McpServerTest.initialize()));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
