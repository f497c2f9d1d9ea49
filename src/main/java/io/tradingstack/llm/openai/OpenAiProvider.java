package io.tradingstack.llm.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.LogLevel;
import com.openai.core.http.Headers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tradingstack.llm.Llm;
import io.tradingstack.llm.LlmProvider;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResponse;
import io.tradingstack.llm.ProviderException;
import io.tradingstack.llm.ProviderException.Kind;

import java.time.Duration;
import java.util.List;

/**
 * Chat Completions over openai-java, so OpenAI, Ollama, vLLM and llama.cpp servers work by
 * configuration (base URL, key, model). One attempt per call: openai-java's own retries are off
 * because the service retries itself, honouring Retry-After beyond openai-java's 8 s ceiling and
 * giving up when the server asks for longer than configured. The key goes only into the
 * Authorization header; openai-java's request logging stays off whatever OPENAI_LOG says.
 */
public final class OpenAiProvider implements LlmProvider {
    /** OpenAI's public endpoint, used when a key is set and no base URL is. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** Heads the request's context (JSON) at the end of the system prompt. */
    public static final String CONTEXT_HEADING = "Context (JSON):";
    private final OpenAIClient client;
    private final String baseUrl;
    private final String model;

    public OpenAiProvider(String baseUrl, String apiKey, String model, Duration timeout) {
        this.baseUrl = baseUrl == null || baseUrl.isEmpty() ? OPENAI_BASE_URL : baseUrl;
        this.model = model;
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(this.baseUrl)
                .apiKey(apiKey)
                .timeout(timeout)
                .maxRetries(0)
                .logLevel(LogLevel.OFF)
                .build();
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String defaultModel() {
        return model;
    }

    @Override
    public String endpoint() {
        return baseUrl;
    }

    @Override
    public LlmResponse complete(LlmRequest request, String modelName, Llm.StreamListener listener) throws ProviderException {
        ChatCompletionCreateParams params = OpenAiRequests.params(request, modelName, listener != null);
        ChatCompletion completion;
        try {
            completion = listener == null ? client.chat().completions().create(params) : streamed(params, listener);
        } catch (SseException e) {
            throw new ProviderException(Kind.RETRYABLE, e.statusCode(), null, "stream error: " + e.getMessage(), e);
        } catch (OpenAIServiceException e) {
            throw fromStatus(e);
        } catch (OpenAIInvalidDataException e) {
            throw new ProviderException(Kind.MALFORMED, 200, null, "unreadable answer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // openai-java wraps I/O failures (timeouts, refused connections) in OpenAIIoException.
            throw new ProviderException(Kind.RETRYABLE, 0, null, "transport: " + e.getMessage(), e);
        }
        try {
            return OpenAiResponses.response(completion);
        } catch (RuntimeException e) {
            throw new ProviderException(Kind.MALFORMED, 200, null, "unusable answer: " + e.getMessage(), e);
        }
    }

    private ChatCompletion streamed(ChatCompletionCreateParams params, Llm.StreamListener listener) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                accumulator.accumulate(chunk);
                chunk.choices().forEach(c -> c.delta().content().filter(s -> !s.isEmpty()).ifPresent(listener::onText));
            });
        }
        return accumulator.chatCompletion();
    }

    private static ProviderException fromStatus(OpenAIServiceException e) {
        int status = e.statusCode();
        String text = "HTTP " + status + ": " + e.getMessage();
        if (status == 401 || status == 403) {
            return new ProviderException(Kind.UNAUTHORIZED, status, null, text, e);
        }
        boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
        return new ProviderException(retryable ? Kind.RETRYABLE : Kind.REFUSED, status, retryAfter(e.headers()), text, e);
    }

    /** Retry-After in seconds (or retry-after-ms); an HTTP-date form is ignored (exponential backoff applies). */
    static Duration retryAfter(Headers headers) {
        try {
            List<String> ms = headers.values("retry-after-ms");
            if (!ms.isEmpty()) {
                return Duration.ofMillis((long) Double.parseDouble(ms.get(0).trim()));
            }
            List<String> seconds = headers.values("retry-after");
            if (!seconds.isEmpty()) {
                return Duration.ofMillis((long) (Double.parseDouble(seconds.get(0).trim()) * 1000));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    @Override
    public void close() {
        client.close();
    }
}
