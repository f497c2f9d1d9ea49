package io.tradingstack.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether an answer is usable, the same way for every provider: tool calls must name an
 * offered tool with arguments valid against its schema; a structured answer must be JSON valid
 * against the response schema; a plain answer must not be empty. The problems found are what the
 * repair round sends back to the model.
 */
final class OutputCheck {
    private static final int QUOTE = 300;

    private OutputCheck() {
    }

    static List<String> problems(LlmRequest request, LlmResponse response) {
        if (response.hasToolCalls()) {
            return toolCallProblems(request, response);
        }
        List<String> out = new ArrayList<>();
        if (response.finishReason() == LlmResponse.FinishReason.LENGTH) {
            out.add("the answer was cut off at the output token limit");
        }
        if (request.responseSchema() == null) {
            if (response.text().isBlank()) {
                out.add("the answer is empty");
            }
            return out;
        }
        JsonNode json = Schemas.parse(unfenced(response.text()));
        if (json == null) {
            out.add("the answer is not JSON: " + quote(response.text()));
            return out;
        }
        out.addAll(Schemas.errors(request.responseSchema().schema(), json));
        return out;
    }

    /** The validated structured answer (call only when {@link #problems} found none). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(LlmRequest request, LlmResponse response) {
        if (request.responseSchema() == null || response.hasToolCalls()) {
            return null;
        }
        return io.tradingstack.bus.Json.MAPPER.convertValue(Schemas.parse(unfenced(response.text())), Map.class);
    }

    private static List<String> toolCallProblems(LlmRequest request, LlmResponse response) {
        List<String> out = new ArrayList<>();
        for (ToolCall call : response.toolCalls()) {
            ToolDefinition tool = request.tools().stream().filter(t -> t.name().equals(call.name())).findFirst().orElse(null);
            if (tool == null) {
                out.add("tool call " + call.id() + " names " + call.name() + ", which is not offered; offered: "
                        + String.join(", ", request.tools().stream().map(ToolDefinition::name).toList()));
                continue;
            }
            JsonNode args = Schemas.parse(call.arguments());
            if (args == null || !args.isObject()) {
                out.add("tool call " + call.id() + " (" + call.name() + "): arguments are not a JSON object: "
                        + quote(call.arguments()));
                continue;
            }
            Schemas.errors(tool.parameters(), args).forEach(e -> out.add("tool call " + call.id() + " (" + call.name() + "): " + e));
        }
        return out;
    }

    /** Local models often wrap JSON in a Markdown code fence; the JSON inside is what is validated. */
    static String unfenced(String text) {
        String t = text.strip();
        if (t.startsWith("```") && t.endsWith("```") && t.length() > 6) {
            String inner = t.substring(3, t.length() - 3);
            int newline = inner.indexOf('\n');
            return newline < 0 ? inner : inner.substring(newline + 1);
        }
        return t;
    }

    private static String quote(String text) {
        return text.length() <= QUOTE ? text : text.substring(0, QUOTE) + "…";
    }
}
