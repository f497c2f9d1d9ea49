package io.tradingstack.llm;

import java.util.List;

/**
 * One chat message. System and user messages carry text; an assistant message carries text and/or
 * the tool calls it made; a tool message answers one tool call by its id.
 */
public record LlmMessage(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {
    /** Largest content accepted in one message (characters); bounds what a caller can send. */
    public static final int MAX_CONTENT = 400_000;

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public LlmMessage {
        if (role == null) {
            throw new IllegalArgumentException("message role is required");
        }
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (content != null && content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("message content exceeds " + MAX_CONTENT + " characters");
        }
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only assistant messages carry tool calls");
        }
        if ((role == Role.TOOL) != (toolCallId != null)) {
            throw new IllegalArgumentException("a tool message, and only a tool message, names the tool call it answers");
        }
        boolean needsText = role == Role.SYSTEM || role == Role.USER || role == Role.TOOL
                || (role == Role.ASSISTANT && toolCalls.isEmpty());
        if (needsText && (content == null || content.isBlank())) {
            throw new IllegalArgumentException(role.name().toLowerCase() + " message needs content");
        }
    }

    public static LlmMessage system(String content) {
        return new LlmMessage(Role.SYSTEM, content, List.of(), null);
    }

    public static LlmMessage user(String content) {
        return new LlmMessage(Role.USER, content, List.of(), null);
    }

    public static LlmMessage assistant(String content) {
        return new LlmMessage(Role.ASSISTANT, content, List.of(), null);
    }

    /** The assistant turn that asked for tools (content may be null). */
    public static LlmMessage assistant(String content, List<ToolCall> toolCalls) {
        return new LlmMessage(Role.ASSISTANT, content, toolCalls, null);
    }

    /** The result of one tool call, as text (usually JSON) for the model to read. */
    public static LlmMessage tool(String toolCallId, String content) {
        return new LlmMessage(Role.TOOL, content, List.of(), toolCallId);
    }
}
