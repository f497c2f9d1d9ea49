package io.tradingstack.agents;

import io.tradingstack.llm.ToolDefinition;

import java.util.List;

/**
 * What a chat client sends the broker (update {@code broker_chat}): either a new user message with
 * the tools the client can run for the model, or the results of the tool calls the broker asked for
 * in turn {@code turnId}. Lenient on construction (it arrives from outside through Temporal's
 * converter); {@link #problem()} says what is wrong with it, and a wrong one changes nothing.
 */
public record BrokerTurn(String message, String turnId, List<ToolOutcome> results, List<ToolDefinition> tools) {
    /** Longest user message (characters). */
    public static final int MAX_MESSAGE = 4000;
    /** Longest tool result passed to the model (characters); the client clips to it. */
    public static final int MAX_RESULT = 16_000;

    public BrokerTurn {
        results = results == null ? List.of() : List.copyOf(results);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    public static BrokerTurn say(String message, List<ToolDefinition> tools) {
        return new BrokerTurn(message, null, List.of(), tools);
    }

    public static BrokerTurn answer(String turnId, List<ToolOutcome> results) {
        return new BrokerTurn(null, turnId, results, List.of());
    }

    boolean isMessage() {
        return message != null;
    }

    /** Null when the turn is well formed, else why not. */
    String problem() {
        if (message != null) {
            if (message.isBlank() || message.length() > MAX_MESSAGE) {
                return "message must be 1-" + MAX_MESSAGE + " characters";
            }
            return results.isEmpty() ? null : "a new message carries no tool results";
        }
        if (turnId == null || turnId.isBlank()) {
            return "send a message, or the tool results of a turn with its turn_id";
        }
        for (ToolOutcome r : results) {
            if (r == null || r.callId() == null || r.content() == null || r.content().isBlank()
                    || r.content().length() > MAX_RESULT) {
                return "every tool result needs a call_id and a content of 1-" + MAX_RESULT + " characters";
            }
        }
        return null;
    }

    /** The result of one tool call the broker asked for, as text for the model (usually JSON). */
    public record ToolOutcome(String callId, String content) {
    }
}
