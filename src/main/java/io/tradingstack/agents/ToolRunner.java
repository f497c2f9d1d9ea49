package io.tradingstack.agents;

import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.bus.Json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the tool calls the broker asks for, on the client's own MCP session: trade-tier calls are
 * shown and run only after a {@code y} (or with {@code --yes}); a refusal goes back to the model as
 * the call's result. Every result is returned as the text the model reads.
 */
final class ToolRunner {
    private static final Set<String> YES = Set.of("y", "yes");
    private final StackClient stack;
    private final BrokerConsole console;
    private final Map<String, McpSchema.Tool> tools;
    private final boolean assumeYes;

    ToolRunner(StackClient stack, BrokerConsole console, Map<String, McpSchema.Tool> tools, boolean assumeYes) {
        this.stack = stack;
        this.console = console;
        this.tools = tools;
        this.assumeYes = assumeYes;
    }

    /**
     * The outcome of one call. {@code ran} is false when the user declined (or the input ended at the
     * question, {@code endOfInput}) or the tool is not offered; {@code content} is what the model reads.
     */
    record Result(boolean ran, boolean endOfInput, StackClient.Outcome outcome, String content) {
    }

    Result run(String name, Map<String, Object> arguments) {
        McpSchema.Tool tool = tools.get(name);
        if (tool == null) {
            return notRun(false, "UNKNOWN_TOOL", "this server offers no tool " + name);
        }
        String shown = ToolGate.describe(name, arguments);
        if (ToolGate.needsConfirmation(tool)) {
            console.println("The broker wants to run: " + shown);
            if (assumeYes) {
                console.println("(--yes: running it)");
            } else {
                String answer = console.readLine("Run it? [y/N] ");
                if (answer == null || !YES.contains(answer.trim().toLowerCase(java.util.Locale.ROOT))) {
                    console.println("Not run.");
                    Map<String, Object> declined = new LinkedHashMap<>();
                    declined.put("declined", true);
                    declined.put("message", "The user declined to run " + name + ".");
                    return new Result(false, answer == null, null, Json.write(declined));
                }
            }
        } else {
            console.println("  · " + shown);
        }
        StackClient.Outcome outcome = stack.call(name, arguments);
        return new Result(true, false, outcome, clip(outcome.json()));
    }

    private static Result notRun(boolean endOfInput, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return new Result(false, endOfInput, null, Json.write(body));
    }

    /** The model reads at most what broker_chat accepts per result. */
    static String clip(String content) {
        int max = BrokerTurn.MAX_RESULT;
        String text = content == null || content.isBlank() ? "(no content)" : content;
        return text.length() <= max ? text : text.substring(0, max - 40) + " …(clipped: the result was longer)";
    }
}
