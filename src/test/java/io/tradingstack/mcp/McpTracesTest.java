package io.tradingstack.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.tradingstack.bus.Addresses;
import io.tradingstack.llm.LlmCall;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.llm.LlmVerticle;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.runtime.DecisionTrace;
import io.tradingstack.testing.Eventually;
import io.tradingstack.testing.OtlpReceiver;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.tradingstack.testing.OtlpReceiver.hex;
import static io.tradingstack.testing.OtlpReceiver.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node configured as for Langfuse (endpoint {@code <host>/api/public/otel}, Basic auth in
 * OTEL_EXPORTER_OTLP_HEADERS) exports, to a local OTLP/HTTP endpoint, a span per MCP tool call and
 * one trace per agent decision that the LLM call (made by the llm verticle across the bus) joins.
 */
class McpTracesTest {
    /** Langfuse's public:secret key pair as Basic credentials; the '+' must survive header parsing. */
    private static final String BASIC = Base64.getEncoder().encodeToString(
            "pk-lf-trace>test:sk-lf-9e1f?7a3c".getBytes(StandardCharsets.UTF_8));
    private static OtlpReceiver receiver;
    private static McpTestServer server;

    @BeforeAll
    static void start() throws Exception {
        receiver = OtlpReceiver.start();
        McpTestServer.resetSingletons();
        server = McpTestServer.start(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url("/api/public/otel"),
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Basic%20" + BASIC,
                "OTEL_SERVICE_NAME", "mcp-traces"));
        McpTestServer.await(server.vertx.deployVerticle(new LlmVerticle(server.ctx)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        receiver.close();
    }

    @Test
    void toolCallsAndADecisionWithItsLlmCallReachALangfuseStyleEndpoint() throws Exception {
        assertTrue(BASIC.contains("+"), "the credential exercises the '+' of percent-decoding");
        String decisionId = UUID.randomUUID().toString();
        String traceId;
        try (DecisionTrace decision = DecisionTrace.start(server.ctx.telemetry(), "execution", io.tradingstack.bus.DurableNames.ExecutionAgent.ID, decisionId)) {
            LlmResult answer = new BusBridge(server.vertx, Duration.ofSeconds(30)).request(Addresses.LLM_CHAT,
                    new LlmCall("trace-" + decisionId, LlmRequest.builder("execution", "decide").user("hold or trade?").build()),
                    LlmResult.class);
            assertTrue(answer.ok(), answer.message());
            decision.outcome("hold");
            traceId = decision.traceId();
        }
        try (McpSyncClient client = server.client()) {
            assertFalse(Boolean.TRUE.equals(client.callTool(new McpSchema.CallToolRequest("get_user_preferences", Map.of())).isError()));
            assertTrue(client.callTool(new McpSchema.CallToolRequest("set_user_preferences", Map.of("preferences", "none"))).isError());
        }
        JsonObject health = server.ctx.health().report(server.vertx).await(10, TimeUnit.SECONDS)
                .getJsonObject("components").getJsonObject("telemetry");
        server.ctx.telemetry().close();

        List<Span> spans = Eventually.eventuallyGet(Duration.ofSeconds(30), "decision, LLM and tool spans",
                receiver::spans, l -> l.size() >= 4);
        Span decision = one(spans, "decision execution");
        assertEquals(decisionId, string(decision, "ts.decision.id"));
        assertEquals("hold", string(decision, "ts.decision.outcome"));
        assertEquals(traceId, hex(decision.getTraceId()));
        Span llm = one(spans, "chat offline-rules");
        assertEquals(traceId, hex(llm.getTraceId()), "the LLM call joins the decision's trace across the bus");
        assertEquals(hex(decision.getSpanId()), hex(llm.getParentSpanId()));
        assertEquals("chat", string(llm, "gen_ai.operation.name"));

        Span read = one(spans, "tools/call get_user_preferences");
        assertEquals("get_user_preferences", string(read, "mcp.tool.name"));
        assertEquals("read", string(read, "mcp.tool.tier"));
        assertEquals("ok", string(read, "mcp.tool.outcome"));
        assertTrue(string(read, "mcp.session.id_sha256").matches("[0-9a-f]{16}"));
        Span bad = one(spans, "tools/call set_user_preferences");
        assertEquals("error", string(bad, "mcp.tool.outcome"));
        assertEquals("MCP_BAD_ARGUMENTS", string(bad, "error.type"));
        assertEquals(Status.StatusCode.STATUS_CODE_ERROR, bad.getStatus().getCode());
        assertEquals(string(read, "mcp.session.id_sha256"), string(bad, "mcp.session.id_sha256"), "one session, one hash");

        assertTrue(receiver.requests().stream().allMatch(r -> r.path().equals("/api/public/otel/v1/traces")));
        assertTrue(receiver.requests().stream().allMatch(r -> ("Basic " + BASIC).equals(r.headers().get("authorization"))),
                "the Basic credential reaches the endpoint as configured");
        assertEquals(List.of("mcp-traces"), receiver.serviceNames());
        assertFalse(receiver.allBytes().contains(BASIC), "the credential is in no span");
        assertEquals("set", health.getString("headers"));
        assertEquals(receiver.url(""), health.getString("endpoint"));
        assertFalse(health.encode().contains(BASIC), "/health shows no header value");
    }

    private static Span one(List<Span> spans, String name) {
        List<Span> named = spans.stream().filter(s -> s.getName().equals(name)).toList();
        assertEquals(1, named.size(), name + " in " + spans.stream().map(Span::getName).toList());
        return named.get(0);
    }
}
