package io.tradingstack.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.agents.prompts.Feedback;
import io.tradingstack.agents.prompts.PromptChange;
import io.tradingstack.agents.prompts.PromptStoreClient;
import io.tradingstack.agents.prompts.PromptStoreVerticle;
import io.tradingstack.agents.prompts.PromptVersion;
import io.tradingstack.ledger.LedgerDb;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prompt and feedback tools through the real MCP server and the prompt store verticle on a
 * fresh database; the agents' side is the blocking {@link PromptStoreClient} their activities use.
 */
class McpPromptToolsTest {
    private static McpTestServer server;
    private static McpSyncClient client;
    private static PromptStoreClient agents;

    @BeforeAll
    static void start() {
        server = McpTestServer.start(Map.of());
        McpTestServer.await(server.vertx.deployVerticle(new PromptStoreVerticle(server.ctx, LedgerDb.fresh().pool(server.vertx, 2))));
        client = server.client();
        agents = new PromptStoreClient(server.vertx);
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
    void historyShowsVersionsTheAgentsWrote() {
        Map<String, Object> empty = call("get_prompt_history", Map.of());
        assertNull(empty.get("current"), "no prompt before the agent first ran");
        assertEquals("execution", empty.get("agent"));

        PromptVersion v1 = agents.current("execution", "Trade the spec.\n");
        PromptVersion v2 = agents.createVersion(new PromptChange("execution", "Trade the spec.\nSkip thin books.\n", "judge",
                "entries in thin books lost", null));
        assertEquals(List.of(1, 2), List.of(v1.version(), v2.version()));
        Map<String, Object> history = call("get_prompt_history", Map.of("agent", "execution", "limit", 5));
        Map<String, Object> current = (Map<String, Object>) history.get("current");
        assertEquals(2, ((Number) current.get("version")).intValue());
        assertEquals("judge", current.get("author"));
        assertTrue(String.valueOf(current.get("diff")).contains("+Skip thin books."), current.toString());
        assertEquals(2, ((List<?>) history.get("versions")).size());

        ApplicationFailure refused = assertThrows(ApplicationFailure.class, () -> agents.current("execution!", null));
        assertEquals("PROMPT_BAD_REQUEST", refused.getType());
        assertEquals("PROMPT_NOT_FOUND", assertThrows(ApplicationFailure.class, () -> agents.rollback(
                new io.tradingstack.agents.prompts.PromptRollback("execution", 7, "judge", "no such"))).getType());
    }

    @Test
    @SuppressWarnings("unchecked")
    void feedbackIsStoredPendingAndConsumedByTheAgent() {
        Map<String, Object> sent = call("send_user_feedback", Map.of("target_agent", "strategist", "message", "prefer 1h setups"));
        long id = ((Number) sent.get("id")).longValue();
        assertEquals("user", sent.get("author"));
        Map<String, Object> pending = call("get_pending_feedback", Map.of("target_agent", "strategist"));
        assertEquals(1, ((Number) pending.get("count")).intValue());

        List<Feedback> seen = agents.pending("strategist");
        assertEquals(List.of(id), seen.stream().map(Feedback::id).toList());
        assertEquals(List.of(id), agents.consume(List.of(id), "strategist-test"));
        assertEquals(0, ((Number) call("get_pending_feedback", Map.of("target_agent", "strategist")).get("count")).intValue());

        McpSchema.CallToolResult blank = client.callTool(new McpSchema.CallToolRequest("send_user_feedback",
                Map.of("target_agent", "strategist", "message", "   ")));
        assertTrue(Boolean.TRUE.equals(blank.isError()));
        assertEquals("PROMPT_BAD_REQUEST", McpServerTest.structured(blank).get("error"));
        McpSchema.CallToolResult unknown = client.callTool(new McpSchema.CallToolRequest("send_user_feedback",
                Map.of("target_agent", "nobody", "message", "hello")));
        assertEquals("MCP_BAD_ARGUMENTS", McpServerTest.structured(unknown).get("error"));
        assertEquals(0, agents.pending("strategist").size(), "refused messages are not stored");
    }

    private static Map<String, Object> call(String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertFalse(Boolean.TRUE.equals(r.isError()), tool + " -> " + r.structuredContent());
        return McpServerTest.structured(r);
    }
}
