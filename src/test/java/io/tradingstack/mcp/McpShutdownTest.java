package io.tradingstack.mcp;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Undeploying the MCP verticle closes open streams (the client sees the end) and stops listening. */
class McpShutdownTest {
    @Test
    void shutdownEndsListeningStreamsAndStopsTheServer() throws Exception {
        McpTestServer server = McpTestServer.start(Map.of());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> init = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(McpServerTest.initialize())).build(), HttpResponse.BodyHandlers.ofString());
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/mcp"))
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        try (InputStream in = stream.body()) {
            in.readNBytes(": stream open\n\n".length());
            server.close();
            assertEquals(-1, in.read(), "the stream ends when the server shuts down");
        }
        assertThrows(java.io.IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create(server.url() + "/healthz"))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }
}
