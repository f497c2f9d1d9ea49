package io.tradingstack.llm.local;

import io.tradingstack.bus.Json;
import io.tradingstack.llm.TokenUsage;
import io.tradingstack.llm.ToolCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chat Completions wire format of a scripted reply: one {@code chat.completion} object, or the
 * {@code chat.completion.chunk} events of a stream (role, content pieces, tool call pieces, the
 * finish reason, usage when {@code stream_options.include_usage} asked for it).
 */
final class CompletionWire {
    private static final int PIECE = 12;

    private CompletionWire() {
    }

    static String completion(String id, String model, long created, ScriptedReply r, TokenUsage usage) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", r.content());
        if (!r.toolCalls().isEmpty()) {
            message.put("tool_calls", r.toolCalls().stream().map(CompletionWire::toolCall).toList());
        }
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", finish(r));
        Map<String, Object> out = head(id, "chat.completion", model, created);
        out.put("choices", List.of(choice));
        out.put("usage", usage(usage));
        return Json.write(out);
    }

    /** The data payloads of the SSE events, in order, ending with [DONE]. */
    static List<String> chunks(String id, String model, long created, ScriptedReply r, TokenUsage usage, boolean includeUsage) {
        List<String> out = new ArrayList<>();
        out.add(chunk(id, model, created, Map.of("role", "assistant", "content", ""), null));
        String content = r.content() == null ? "" : r.content();
        for (int i = 0; i < content.length(); i += PIECE) {
            out.add(chunk(id, model, created, Map.of("content", content.substring(i, Math.min(content.length(), i + PIECE))), null));
        }
        for (int i = 0; i < r.toolCalls().size(); i++) {
            ToolCall c = r.toolCalls().get(i);
            out.add(chunk(id, model, created, Map.of("tool_calls", List.of(Map.of("index", i, "id", c.id(), "type", "function",
                    "function", Map.of("name", c.name(), "arguments", "")))), null));
            for (int k = 0; k < c.arguments().length(); k += PIECE) {
                String piece = c.arguments().substring(k, Math.min(c.arguments().length(), k + PIECE));
                out.add(chunk(id, model, created, Map.of("tool_calls", List.of(Map.of("index", i,
                        "function", Map.of("arguments", piece)))), null));
            }
        }
        out.add(chunk(id, model, created, Map.of(), finish(r)));
        if (includeUsage) {
            Map<String, Object> last = head(id, "chat.completion.chunk", model, created);
            last.put("choices", List.of());
            last.put("usage", usage(usage));
            out.add(Json.write(last));
        }
        out.add("[DONE]");
        return out;
    }

    static String error(int status, String message) {
        String type = status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error";
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", null);
        error.put("code", status == 429 ? "rate_limit_exceeded" : null);
        return Json.write(Map.of("error", error));
    }

    private static String chunk(String id, String model, long created, Map<String, Object> delta, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("logprobs", null);
        choice.put("finish_reason", finish);
        Map<String, Object> out = head(id, "chat.completion.chunk", model, created);
        out.put("choices", List.of(choice));
        return Json.write(out);
    }

    private static Map<String, Object> head(String id, String object, String model, long created) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("object", object);
        out.put("created", created);
        out.put("model", model);
        return out;
    }

    private static Map<String, Object> toolCall(ToolCall c) {
        return Map.of("id", c.id(), "type", "function", "function", Map.of("name", c.name(), "arguments", c.arguments()));
    }

    private static String finish(ScriptedReply r) {
        if (r.finishReason() != null) {
            return r.finishReason();
        }
        return r.toolCalls().isEmpty() ? "stop" : "tool_calls";
    }

    private static Map<String, Object> usage(TokenUsage u) {
        return Map.of("prompt_tokens", u.inputTokens(), "completion_tokens", u.outputTokens(), "total_tokens", u.total());
    }
}
