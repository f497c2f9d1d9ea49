package io.tradingstack.agents;

import io.tradingstack.llm.ToolCall;

import java.util.List;

/**
 * The broker's answer to a {@link BrokerTurn}: the tool calls the client should run (and send back
 * with this turn id), the final answer, or a coded failure (a value, never an exception).
 * {@code round} is the number of model calls made in this turn so far.
 */
public record BrokerStep(String turnId, Status status, String text, List<ToolCall> toolCalls, String code,
                         String message, int round) {

    public enum Status { TOOL_CALLS, ANSWER, FAILED }

    public BrokerStep {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        text = text == null ? "" : text;
    }

    static BrokerStep calls(String turnId, List<ToolCall> calls, String text, int round) {
        return new BrokerStep(turnId, Status.TOOL_CALLS, text, calls, null, null, round);
    }

    static BrokerStep answer(String turnId, String text, int round) {
        return new BrokerStep(turnId, Status.ANSWER, text, List.of(), null, null, round);
    }

    static BrokerStep failed(String turnId, String code, String message, int round) {
        return new BrokerStep(turnId, Status.FAILED, "", List.of(), code, message, round);
    }
}
