package io.tradingstack.mcp;

import io.tradingstack.agents.BrokerStep;
import io.tradingstack.agents.TranscriptEntry;
import io.tradingstack.agents.TranscriptView;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.Future;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
                        + "{turn_id, tool_results}. Update broker_chat on workflow broker-agent.", chatInput, Chat.class,
                        new ToolSpec.Hints(false, false, false, true), this::chat),
                ToolSpec.of("get_broker_transcript", Tier.READ, "The last lines of the conversation with the broker "
                        + "agent (oldest first), kept across restarts. Query get_broker_transcript on workflow broker-agent.",
                        object(props("limit", Schemas.integer("lines to return", 1, 60, 20L))), Transcript.class,
                        ToolSpec.Hints.READ, this::transcript));
    }

    private static Map<String, Object> pattern(Map<String, Object> s, String regex) {
        s.put("pattern", regex);
        return s;
    }

    @Doc("one step of a broker chat turn: the answer, or tool calls for the client to run and send back")
    record Chat(@Doc("this turn") String turnId,
                @Doc(value = "what to do next", oneOf = {"ANSWER", "TOOL_CALLS"}) String status,
                @Doc("the answer (or words before the tool calls)") String text,
                @Doc("tool calls to run, then send back") List<io.tradingstack.llm.ToolCall> toolCalls,
                @Doc(value = "model calls so far in this turn", min = 0) int round) {
    }

    @Doc("the last lines of the conversation with the broker agent")
    record Transcript(@Doc(value = "lines ever written", min = 0) long total,
                      @Doc(value = "lines returned", min = 0) int count,
                      @Doc("the last lines, oldest first") List<TranscriptEntry> entries) {
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
                BrokerStep.class, new Object[]{null}, turn).map(BrokerTools::step);
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

    private static ToolResult step(BrokerStep s) {
        if (s.status() == BrokerStep.Status.FAILED) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("turn_id", s.turnId());
            details.put("status", s.status().name());
            details.put("round", s.round());
            return ToolResult.error(ErrorCode.ofName(s.code()), String.valueOf(s.message()), details);
        }
        return ToolResult.ok(new Chat(s.turnId(), s.status().name(), s.text(), s.toolCalls(), s.round()));
    }

    private Future<ToolResult> transcript(ToolCall call) {
        int limit = call.integer("limit", 20);
        return ctx.temporal().queryStartedWhen(DurableNames.Broker.ID, DurableNames.Broker.TYPE,
                DurableNames.Broker.GET_TRANSCRIPT, TranscriptView.class, TranscriptView::loaded, LOAD_WAIT, limit)
                .map(view -> ToolResult.ok(new Transcript(view.total(), view.entries().size(), view.entries())));
    }
}
