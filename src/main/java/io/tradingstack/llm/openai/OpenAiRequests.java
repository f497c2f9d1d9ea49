package io.tradingstack.llm.openai;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import io.tradingstack.bus.Json;
import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.ResponseSchema;
import io.tradingstack.llm.ToolCall;
import io.tradingstack.llm.ToolDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps an {@link LlmRequest} onto Chat Completions parameters: function tools, {@code
 * response_format: json_schema}, and the request's context appended to the system prompt as JSON
 * (one system message, which every chat template accepts).
 */
final class OpenAiRequests {
    private OpenAiRequests() {
    }

    static ChatCompletionCreateParams params(LlmRequest request, String model, boolean stream) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder().model(model);
        withContext(request).forEach(m -> b.addMessage(message(m)));
        request.tools().forEach(t -> b.addTool(tool(t)));
        if (request.responseSchema() != null) {
            b.responseFormat(responseFormat(request.responseSchema()));
        }
        if (request.temperature() != null) {
            b.temperature(request.temperature());
        }
        if (request.maxOutputTokens() != null) {
            b.maxCompletionTokens(request.maxOutputTokens().longValue());
        }
        if (stream) {
            b.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        return b.build();
    }

    /** The messages as sent: the context joins the first system message (or becomes one). */
    static List<LlmMessage> withContext(LlmRequest request) {
        if (request.context().isEmpty()) {
            return request.messages();
        }
        String context = OpenAiProvider.CONTEXT_HEADING + "\n" + Json.write(request.context());
        List<LlmMessage> out = new ArrayList<>(request.messages());
        if (out.get(0).role() == LlmMessage.Role.SYSTEM) {
            out.set(0, LlmMessage.system(out.get(0).content() + "\n\n" + context));
        } else {
            out.add(0, LlmMessage.system(context));
        }
        return out;
    }

    private static ChatCompletionMessageParam message(LlmMessage m) {
        return switch (m.role()) {
            case SYSTEM -> ChatCompletionMessageParam.ofSystem(
                    ChatCompletionSystemMessageParam.builder().content(m.content()).build());
            case USER -> ChatCompletionMessageParam.ofUser(
                    ChatCompletionUserMessageParam.builder().content(m.content()).build());
            case TOOL -> ChatCompletionMessageParam.ofTool(
                    ChatCompletionToolMessageParam.builder().toolCallId(m.toolCallId()).content(m.content()).build());
            case ASSISTANT -> ChatCompletionMessageParam.ofAssistant(assistant(m));
        };
    }

    private static ChatCompletionAssistantMessageParam assistant(LlmMessage m) {
        ChatCompletionAssistantMessageParam.Builder b = ChatCompletionAssistantMessageParam.builder();
        if (m.content() != null) {
            b.content(m.content());
        }
        if (!m.toolCalls().isEmpty()) {
            b.toolCalls(m.toolCalls().stream().map(OpenAiRequests::toolCall).toList());
        }
        return b.build();
    }

    private static ChatCompletionMessageToolCall toolCall(ToolCall c) {
        return ChatCompletionMessageToolCall.ofFunction(ChatCompletionMessageFunctionToolCall.builder()
                .id(c.id())
                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                        .name(c.name()).arguments(c.arguments()).build())
                .build());
    }

    private static ChatCompletionFunctionTool tool(ToolDefinition t) {
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(t.name())
                        .description(t.description())
                        .parameters(FunctionParameters.builder().putAllAdditionalProperties(values(t.parameters())).build())
                        .build())
                .build();
    }

    private static ResponseFormatJsonSchema responseFormat(ResponseSchema s) {
        return ResponseFormatJsonSchema.builder()
                .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name(s.name())
                        .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                .putAllAdditionalProperties(values(s.schema())).build())
                        .strict(s.strict())
                        .build())
                .build();
    }

    private static Map<String, JsonValue> values(Map<String, Object> map) {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, JsonValue.from(v)));
        return out;
    }
}
