package io.tradingstack.llm.offline;

import io.tradingstack.bus.Json;
import io.tradingstack.llm.ToolCall;

import java.util.List;

/** What an offline responder answers: text (a JSON document for structured output) and/or tool calls. */
public record OfflineReply(String text, List<ToolCall> toolCalls) {

    public OfflineReply {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (text.isEmpty() && toolCalls.isEmpty()) {
            throw new IllegalArgumentException("an offline reply needs text or tool calls");
        }
    }

    public static OfflineReply text(String text) {
        return new OfflineReply(text, List.of());
    }

    /** A structured answer: the value serialized as JSON. */
    public static OfflineReply json(Object value) {
        return new OfflineReply(Json.write(value), List.of());
    }

    public static OfflineReply toolCalls(List<ToolCall> calls) {
        return new OfflineReply("", calls);
    }
}
