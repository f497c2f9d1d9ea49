package io.tradingstack.agents;

import com.fasterxml.jackson.core.type.TypeReference;
import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.bus.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One chat with the broker agent over MCP: shows where the last conversation ended, asks for the
 * preferences on first use, then passes each line to {@code broker_chat} and runs the tool calls it
 * answers with ({@link ToolRunner}) until the answer comes. Problems are printed as one line; the
 * session goes on.
 */
public final class BrokerSession {
    static final String CHAT = "broker_chat";
    static final String TRANSCRIPT = "get_broker_transcript";
    /** Earlier lines shown when a chat resumes. */
    static final int RESUME_LINES = 6;
    /** Steps per turn on the client side; the workflow bounds the model rounds, this bounds a misbehaving server. */
    private static final int MAX_STEPS = 12;
    private static final int SHOWN_CHARS = 400;
    private static final Set<String> QUIT = Set.of("exit", "quit", "bye", "/exit", "/quit");

    private final StackClient stack;
    private final BrokerConsole console;
    private final boolean assumeYes;

    BrokerSession(StackClient stack, BrokerConsole console, boolean assumeYes) {
        this.stack = stack;
        this.console = console;
        this.assumeYes = assumeYes;
    }

    /** Runs until "exit" or the end of the input; 0 when the chat ran, 1 when the stack has no broker. */
    int run() {
        Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();
        stack.tools().forEach(t -> tools.put(t.name(), t));
        if (!tools.containsKey(CHAT)) {
            console.println("This MCP server offers no " + CHAT + " tool: it is not a Trading Stack with the broker agent.");
            return 1;
        }
        ToolRunner runner = new ToolRunner(stack, console, tools, assumeYes);
        resume();
        if (new Onboarding(stack, console, runner).run(tools) == Onboarding.Outcome.END_OF_INPUT) {
            return 0;
        }
        console.println("Ask me about your portfolio, trades, backtests, or type help. \"exit\" ends the chat.");
        for (String line = console.readLine("you> "); line != null; line = console.readLine("you> ")) {
            String said = line.trim();
            if (QUIT.contains(said.toLowerCase(Locale.ROOT))) {
                break;
            }
            if (!said.isEmpty() && !turn(said, runner)) {
                break;
            }
        }
        console.println("Bye.");
        return 0;
    }

    /** The last lines of the stored conversation, when there is one. */
    @SuppressWarnings("unchecked")
    private void resume() {
        StackClient.Outcome t = stack.call(TRANSCRIPT, Map.of("limit", RESUME_LINES));
        if (t.error() || !(t.get("entries") instanceof List<?> entries) || entries.isEmpty()) {
            return;
        }
        console.println("Welcome back. Where we left off (" + entries.size() + " of " + t.get("total") + " lines):");
        for (Object e : entries) {
            Map<String, Object> entry = (Map<String, Object>) e;
            String who = TranscriptEntry.USER.equals(entry.get("role")) ? "  you> " : "  broker> ";
            console.println(who + TranscriptEntry.clip(String.valueOf(entry.get("text")).replace('\n', ' '), SHOWN_CHARS));
        }
    }

    /** One turn; false when the input ended in the middle of it. */
    private boolean turn(String message, ToolRunner runner) {
        StackClient.Outcome step = stack.call(CHAT, Map.of("message", message));
        for (int i = 0; i < MAX_STEPS; i++) {
            if (step.error()) {
                console.println("broker: no answer (" + step.message() + ")");
                return true;
            }
            if (!"TOOL_CALLS".equals(step.get("status"))) {
                console.println("broker> " + step.get("text"));
                return true;
            }
            List<Map<String, Object>> results = new ArrayList<>();
            boolean ended = false;
            for (Object c : (List<?>) step.get("tool_calls")) {
                Map<?, ?> call = (Map<?, ?>) c;
                ToolRunner.Result r = runner.run(String.valueOf(call.get("name")), arguments(call.get("arguments")));
                ended |= r.endOfInput();
                results.add(Map.of("call_id", call.get("id"), "content", r.content()));
            }
            step = stack.call(CHAT, Map.of("turn_id", step.get("turn_id"), "tool_results", results));
            if (ended) {
                return false;
            }
        }
        console.println("broker: no answer after " + MAX_STEPS + " steps.");
        return true;
    }

    private static Map<String, Object> arguments(Object json) {
        try {
            return json == null ? Map.of() : Json.MAPPER.readValue(String.valueOf(json), new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }
}
