package io.tradingstack.mcp;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;

/**
 * broker_chat / get_broker_transcript: the broker agent's conversation, held by the broker-agent
 * workflow. The model runs on the stack (LLM activities of the workflow, so its answers are in the
 * history and its calls in llm_calls); the tools it may call are this server's tools of the enabled
 * tiers (the chat tools themselves excluded), and the client runs them under its own session, so a
 * chat can never do more than the client could. Chat tools belong to the read tier: they change
 * nothing but the transcript.
 */
final class BrokerTools {
    /** The longest tool result a client passes back (characters); the model reads it whole. */
    static final int MAX_RESULT = 16_000;
    private static final Duration LOAD_WAIT = Duration.ofSeconds(20);
    private final ToolContext ctx;
    private final Supplier<List<ToolSpec>> offered;

    /** @param offered the tools of the enabled tiers, as tools/list shows them */
    BrokerTools(ToolContext ctx, Supplier<List<ToolSpec>> offered) {
        this.ctx = ctx;
        this.offered = offered;
    }

    List<ToolSpec> tools() {
        Map<String, Object> result = object(props("call_id", pattern(string("the id of the tool call this answers"),
                "^[A-Za-z0-9_.:-]{1,128}$"), "content", string("the tool's result as text (its JSON), or why it did not run",
                MAX_RESULT)), "call_id", "content");
        Map<String, Object> results = Schemas.array(result, "one result per tool call of the previous step");
        results.put("maxItems", 16);
        Map<String, Object> chatInput = object(props(
                "message", string("what the user said (starts a new turn)", 4000),
                "turn_id", pattern(string("the turn whose tool calls these results answer"), "^[A-Za-z0-9_-]{1,64}$"),
                "tool_results", results));
        chatInput.put("minProperties", 1);
        return List.of(
                ToolSpec.of("broker_chat", Tier.READ, "Talk with the broker agent. Send {message} to start a turn; "
                        + "the answer is either status ANSWER with the text, or status TOOL_CALLS with calls of this "
                        + "server's tools for you to run (ask the user before trade-tier ones) and send back as "
                        + "{turn_id, tool_results}. Update broker_chat on workflow broker-agent.", chatInput, chatResult(),
                        new ToolSpec.Hints(false, false, false, true), this::chat),
                ToolSpec.of("get_broker_transcript", Tier.READ, "The last lines of the conversation with the broker "
                        + "agent (oldest first), kept across restarts. Query get_broker_transcript on workflow broker-agent.",
                        object(props("limit", Schemas.integer("lines to return", 1, 60, 20L))), transcriptResult(),
                        ToolSpec.Hints.READ, this::transcript));
    }

    private static Map<String, Object> pattern(Map<String, Object> s, String regex) {
        s.put("pattern", regex);
        return s;
    }

    private static Map<String, Object> chatResult() {
        Map<String, Object> call = Schemas.result(props("id", string("tool call id (send it back as call_id)"),
                "name", string("tool to call"), "arguments", string("its arguments as JSON text")));
        return Schemas.result(props("turn_id", string("this turn"), "status", enumOf("what to do next", "ANSWER", "TOOL_CALLS"),
                "text", string("the answer (or words before the tool calls)"),
                "tool_calls", Schemas.array(call, "tool calls to run, then send back"),
                "round", Schemas.count("model calls so far in this turn")));
    }

    private static Map<String, Object> transcriptResult() {
        Map<String, Object> entry = Schemas.result(props("seq", Schemas.count("position in the whole conversation"),
                "role", enumOf("who spoke", "user", "broker"), "text", string("what was said"),
                "tools", Schemas.array(string("tool"), "tools run for this answer"), "at", string("when (ISO-8601 UTC)")));
        return Schemas.result(props("total", Schemas.count("lines ever written"), "count", Schemas.count("lines returned"),
                "entries", Schemas.array(entry, "the last lines, oldest first")));
    }

    private Future<ToolResult> chat(ToolCall call) {
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("message", call.arg("message"));
        turn.put("turnId", call.arg("turn_id"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Object r : call.arg("tool_results") instanceof List<?> l ? l : List.of()) {
            Map<?, ?> m = (Map<?, ?>) r;
            results.add(Map.of("callId", m.get("call_id"), "content", m.get("content")));
        }
        turn.put("results", results);
        turn.put("tools", call.arg("message") == null ? List.of() : modelTools());
        return ctx.temporal().updateStarted(DurableNames.Broker.ID, DurableNames.Broker.TYPE, DurableNames.Broker.CHAT,
                Map.class, new Object[]{null}, turn).map(BrokerTools::step);
    }

    /** The server's own tools as function tools for the model (the chat tools excluded). */
    private List<Map<String, Object>> modelTools() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ToolSpec t : offered.get()) {
            if (!t.name().equals("broker_chat") && !t.name().equals("get_broker_transcript")) {
                out.add(Map.of("name", t.name(), "description", t.description() + " [tier: " + t.tier().label() + "]",
                        "parameters", t.inputSchema()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static ToolResult step(Map<?, ?> s) {
        Object status = s.get("status");
        if ("FAILED".equals(status)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("turn_id", s.get("turnId"));
            details.put("status", status);
            details.put("round", s.get("round"));
            return ToolResult.error(ErrorCode.ofName(String.valueOf(s.get("code"))), String.valueOf(s.get("message")), details);
        }
        List<Map<String, Object>> calls = new ArrayList<>();
        for (Object c : s.get("toolCalls") instanceof List<?> l ? l : List.of()) {
            Map<String, Object> m = (Map<String, Object>) c;
            calls.add(Map.of("id", m.get("id"), "name", m.get("name"), "arguments", m.get("arguments")));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("turn_id", s.get("turnId"));
        out.put("status", status);
        out.put("text", s.get("text"));
        out.put("tool_calls", calls);
        out.put("round", s.get("round"));
        return ToolResult.ok(out);
    }

    @SuppressWarnings("unchecked")
    private Future<ToolResult> transcript(ToolCall call) {
        int limit = call.integer("limit", 20);
        return ctx.temporal().queryStartedWhen(DurableNames.Broker.ID, DurableNames.Broker.TYPE,
                DurableNames.Broker.GET_TRANSCRIPT, Map.class, m -> Boolean.TRUE.equals(m.get("loaded")), LOAD_WAIT, limit)
                .map(view -> {
                    List<Object> entries = view.get("entries") instanceof List<?> l ? (List<Object>) l : List.of();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("total", view.get("total"));
                    out.put("count", entries.size());
                    out.put("entries", entries);
                    return ToolResult.ok(out);
                });
    }
}
