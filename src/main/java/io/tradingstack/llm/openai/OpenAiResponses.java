package io.tradingstack.llm.openai;

import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import io.tradingstack.llm.LlmResponse;
import io.tradingstack.llm.ToolCall;
import io.tradingstack.llm.TokenUsage;

import java.util.List;

/** Maps a Chat Completions answer (first choice) onto an {@link LlmResponse}. */
final class OpenAiResponses {
    private OpenAiResponses() {
    }

    /** Throws a runtime exception (openai-java's invalid-data, or ours) when a required part is missing. */
    static LlmResponse response(ChatCompletion completion) {
        if (completion.choices().isEmpty()) {
            throw new IllegalStateException("the completion has no choices");
        }
        ChatCompletion.Choice choice = completion.choices().get(0);
        ChatCompletionMessage message = choice.message();
        List<ToolCall> calls = message.toolCalls().orElse(List.of()).stream()
                .filter(ChatCompletionMessageToolCall::isFunction)
                .map(ChatCompletionMessageToolCall::asFunction)
                .map(f -> new ToolCall(f.id(), f.function().name(), f.function().arguments()))
                .toList();
        TokenUsage usage = completion.usage()
                .map(u -> new TokenUsage(u.promptTokens(), u.completionTokens()))
                .orElse(TokenUsage.NONE);
        return new LlmResponse(message.content().orElse(""), calls, usage, completion.model(), finish(choice));
    }

    private static LlmResponse.FinishReason finish(ChatCompletion.Choice choice) {
        return switch (choice.finishReason().asString()) {
            case "stop" -> LlmResponse.FinishReason.STOP;
            case "tool_calls", "function_call" -> LlmResponse.FinishReason.TOOL_CALLS;
            case "length" -> LlmResponse.FinishReason.LENGTH;
            case "content_filter" -> LlmResponse.FinishReason.CONTENT_FILTER;
            default -> LlmResponse.FinishReason.OTHER;
        };
    }
}
