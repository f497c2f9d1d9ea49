package io.tradingstack.llm;

import java.util.List;

/** What one provider call answered: text and/or tool calls, token usage, the model that answered, why it stopped. */
public record LlmResponse(String text, List<ToolCall> toolCalls, TokenUsage usage, String model, FinishReason finishReason) {

    public enum FinishReason { STOP, TOOL_CALLS, LENGTH, CONTENT_FILTER, OTHER }

    public LlmResponse {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        usage = usage == null ? TokenUsage.NONE : usage;
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("response model is required");
        }
        if (finishReason == null) {
            finishReason = toolCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
        }
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
