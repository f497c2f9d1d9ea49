package io.tradingstack.llm.local;

import io.tradingstack.bus.Json;
import io.tradingstack.llm.TokenUsage;
import io.tradingstack.llm.ToolCall;

import java.time.Duration;
import java.util.List;

/**
 * One scripted answer of the {@link LocalOpenAiServer}: a completion (text, a JSON document, tool
 * calls), an HTTP error (429 with Retry-After, 500, …) or a malformed body, optionally after a
 * delay. Whether it is sent as one JSON body or as an SSE stream follows the request's
 * {@code stream} flag, as a real server does.
 */
public record ScriptedReply(Kind kind, String content, List<ToolCall> toolCalls, int status, String retryAfter,
                            String rawBody, Duration delay, TokenUsage usage, String finishReason) {

    public enum Kind { COMPLETION, ERROR, MALFORMED }

    public ScriptedReply {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        delay = delay == null ? Duration.ZERO : delay;
    }

    public static ScriptedReply text(String text) {
        return new ScriptedReply(Kind.COMPLETION, text, List.of(), 200, null, null, null, null, null);
    }

    /** A structured answer: the value as JSON text in the message content. */
    public static ScriptedReply json(Object value) {
        return text(value instanceof String s ? s : Json.write(value));
    }

    public static ScriptedReply toolCalls(List<ToolCall> calls) {
        return new ScriptedReply(Kind.COMPLETION, null, calls, 200, null, null, null, null, null);
    }

    public static ScriptedReply toolCall(String id, String name, String argumentsJson) {
        return toolCalls(List.of(new ToolCall(id, name, argumentsJson)));
    }

    /** An OpenAI-style error body with this status. */
    public static ScriptedReply error(int status, String message) {
        return new ScriptedReply(Kind.ERROR, message, List.of(), status, null, null, null, null, null);
    }

    /** 429 with a Retry-After header in seconds (as sent, e.g. "1" or "120"). */
    public static ScriptedReply rateLimited(String retryAfterSeconds) {
        return new ScriptedReply(Kind.ERROR, "Rate limit reached", List.of(), 429, retryAfterSeconds, null, null, null, null);
    }

    /** HTTP 200 whose body is not a chat completion (broken proxy, truncated answer). */
    public static ScriptedReply malformed(String body) {
        return new ScriptedReply(Kind.MALFORMED, null, List.of(), 200, null, body, null, null, null);
    }

    /** The same reply, sent only after {@code wait} (a slow model). */
    public ScriptedReply after(Duration wait) {
        return new ScriptedReply(kind, content, toolCalls, status, retryAfter, rawBody, wait, usage, finishReason);
    }

    /** Reported token usage (otherwise estimated from the sizes, 4 characters a token). */
    public ScriptedReply withUsage(long input, long output) {
        return new ScriptedReply(kind, content, toolCalls, status, retryAfter, rawBody, delay, new TokenUsage(input, output),
                finishReason);
    }

    /** Overrides the finish reason (e.g. "length" for a cut-off answer). */
    public ScriptedReply withFinishReason(String reason) {
        return new ScriptedReply(kind, content, toolCalls, status, retryAfter, rawBody, delay, usage, reason);
    }
}
