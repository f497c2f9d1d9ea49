package io.tradingstack.llm.local;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tradingstack.bus.Json;
import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.ResponseSchema;
import io.tradingstack.llm.ToolCall;
import io.tradingstack.llm.ToolDefinition;
import io.tradingstack.llm.openai.OpenAiProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Chat Completions request body back into an {@link LlmRequest}, so the local server can
 * answer by the offline rules when a test scripted nothing. The context the OpenAI provider put into
 * the system prompt is read back from behind its heading.
 */
final class WireRequests {
    private WireRequests() {
    }

    @SuppressWarnings("unchecked")
    static LlmRequest toRequest(RecordedRequest wire) {
        LlmRequest.Builder b = LlmRequest.builder("local-server", "local").model(wire.model());
        for (Map<String, Object> m : wire.messages()) {
            b.message(message(m, b));
        }
        if (wire.body().get("tools") instanceof List<?> tools) {
            for (Object t : tools) {
                Map<String, Object> fn = (Map<String, Object>) ((Map<String, Object>) t).get("function");
                b.tool(new ToolDefinition(String.valueOf(fn.get("name")), (String) fn.get("description"),
                        (Map<String, Object>) fn.get("parameters")));
            }
        }
        if (wire.body().get("response_format") instanceof Map<?, ?> rf && rf.get("json_schema") instanceof Map<?, ?> js) {
            b.responseSchema(new ResponseSchema(String.valueOf(js.get("name")), (Map<String, Object>) js.get("schema"),
                    Boolean.TRUE.equals(js.get("strict"))));
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static LlmMessage message(Map<String, Object> m, LlmRequest.Builder b) {
        String role = String.valueOf(m.get("role"));
        String content = m.get("content") instanceof String s ? s : null;
        return switch (role) {
            case "system", "developer" -> LlmMessage.system(withoutContext(content, b));
            case "tool" -> LlmMessage.tool(String.valueOf(m.get("tool_call_id")), content);
            case "assistant" -> LlmMessage.assistant(content, toolCalls(m.get("tool_calls")));
            default -> LlmMessage.user(content);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<ToolCall> toolCalls(Object raw) {
        List<ToolCall> out = new ArrayList<>();
        if (raw instanceof List<?> calls) {
            for (Object c : calls) {
                Map<String, Object> call = (Map<String, Object>) c;
                Map<String, Object> fn = (Map<String, Object>) call.get("function");
                out.add(new ToolCall(String.valueOf(call.get("id")), String.valueOf(fn.get("name")),
                        String.valueOf(fn.get("arguments"))));
            }
        }
        return out;
    }

    private static String withoutContext(String content, LlmRequest.Builder b) {
        int at = content == null ? -1 : content.indexOf(OpenAiProvider.CONTEXT_HEADING);
        if (at < 0) {
            return content;
        }
        try {
            b.context(Json.MAPPER.readValue(content.substring(at + OpenAiProvider.CONTEXT_HEADING.length()).strip(),
                    new TypeReference<Map<String, Object>>() { }));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return content;
        }
        String rest = content.substring(0, at).strip();
        return rest.isEmpty() ? "(context only)" : rest;
    }
}
