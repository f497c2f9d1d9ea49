package io.tradingstack.agents;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker chat's connection to the stack: an MCP client (Java SDK, Streamable HTTP) with the
 * bearer token when one is configured. The token goes into the Authorization header only; it is
 * never printed.
 */
final class StackClient implements AutoCloseable {
    /** A chat step may wait for the model: longer than the LLM activity's bound (15 min). */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(16);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final McpSyncClient client;

    private StackClient(McpSyncClient client) {
        this.client = client;
    }

    /** Connects and initializes a session; BROKER_STACK_UNREACHABLE with one readable line when that fails. */
    static StackClient connect(String url, String token) {
        URI uri = URI.create(url);
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/mcp" : uri.getRawPath();
        HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(path).connectTimeout(CONNECT_TIMEOUT);
        if (token != null && !token.isEmpty()) {
            transport.httpRequestCustomizer((b, method, target, body, ctx) -> b.header("Authorization", "Bearer " + token));
        }
        McpSyncClient client = McpClient.sync(transport.build()).requestTimeout(REQUEST_TIMEOUT)
                .clientInfo(new McpSchema.Implementation("trading-stack-broker", "1.0")).build();
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.close();
            throw new CodedException(ErrorCode.BROKER_STACK_UNREACHABLE, "cannot reach the stack's MCP server at " + url
                    + ": " + rootMessage(e) + " (is the stack running, and MCP_AUTH_TOKEN the server's?)");
        }
        return new StackClient(client);
    }

    /** Every tool the server lists (all pages). */
    List<McpSchema.Tool> tools() {
        List<McpSchema.Tool> out = new ArrayList<>();
        String cursor = null;
        do {
            McpSchema.ListToolsResult page = cursor == null ? client.listTools() : client.listTools(cursor);
            out.addAll(page.tools());
            cursor = page.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return out;
    }

    /** Calls a tool; a protocol or transport failure becomes an error outcome, never an exception. */
    Outcome call(String name, Map<String, Object> arguments) {
        try {
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(name, arguments));
            String text = r.content() == null ? "" : r.content().stream()
                    .filter(c -> c instanceof McpSchema.TextContent).map(c -> ((McpSchema.TextContent) c).text())
                    .reduce("", String::concat);
            return new Outcome(Boolean.TRUE.equals(r.isError()), structured(r.structuredContent()), text);
        } catch (RuntimeException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", ErrorCode.BROKER_STACK_UNREACHABLE.name());
            body.put("code", ErrorCode.BROKER_STACK_UNREACHABLE.code());
            body.put("message", name + " could not be called: " + rootMessage(e));
            return new Outcome(true, body, "");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(Object content) {
        return content instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    /**
     * A tool's answer: the structured content when there is one, and the text content. {@link #json()}
     * is what the model reads: the server's own text rendering (exact decimals) when it is the JSON of
     * the result, else the structured content as JSON, else the text.
     */
    record Outcome(boolean error, Map<String, Object> structured, String text) {
        String json() {
            if (text != null && text.startsWith("{")) {
                return text;
            }
            return structured != null ? Json.write(structured) : text == null ? "" : text;
        }

        Object get(String key) {
            return structured == null ? null : structured.get(key);
        }

        String message() {
            if (structured != null && structured.get("message") != null) {
                return structured.get("error") + ": " + structured.get("message");
            }
            return text;
        }
    }
}
