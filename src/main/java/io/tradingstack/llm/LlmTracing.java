package io.tradingstack.llm;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.Telemetry;

import java.util.List;
import java.util.Locale;

/**
 * One span per {@link LlmService#chat} call, named and attributed after the OpenTelemetry GenAI
 * semantic conventions ({@code chat {model}}, {@code gen_ai.*}) plus ours ({@code ts.*}: agent,
 * task, prompt, cache hit, cost). Prompt and answer text go in span events only when
 * OTEL_CAPTURE_CONTENT=true. With tracing off it does no work at all.
 */
final class LlmTracing {
    static final AttributeKey<String> PROMPT = AttributeKey.stringKey("gen_ai.prompt");
    static final AttributeKey<String> COMPLETION = AttributeKey.stringKey("gen_ai.completion");
    private final Telemetry telemetry;

    LlmTracing(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    /** Starts the call's span under the current context (a decision's trace, when one is current). */
    Span start(LlmRequest request, String provider, String model) {
        if (!telemetry.enabled()) {
            return Span.getInvalid();
        }
        Span span = telemetry.tracer().spanBuilder("chat " + model).setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.operation.name", "chat")
                .setAttribute("gen_ai.system", provider)
                .setAttribute("gen_ai.provider.name", provider)
                .setAttribute("gen_ai.request.model", model)
                .setAttribute("ts.agent", request.agent())
                .setAttribute("ts.task", request.task())
                // A prompt is named by the agent's task; its version is what the judge changes.
                .setAttribute("ts.prompt.name", request.agent() + "." + request.task())
                .setAttribute("ts.prompt.version", request.promptVersion())
                .startSpan();
        if (telemetry.captureContent()) {
            span.addEvent("gen_ai.content.prompt", Attributes.of(PROMPT, Json.write(request.messages())));
        }
        return span;
    }

    /** Records the outcome (usage, cost, finish reason or the error code) and ends the span. */
    void end(Span span, LlmResult result) {
        if (!span.isRecording()) {
            return;
        }
        span.setAttribute("gen_ai.response.model", result.model());
        span.setAttribute("gen_ai.usage.input_tokens", result.usage().inputTokens());
        span.setAttribute("gen_ai.usage.output_tokens", result.usage().outputTokens());
        span.setAttribute("ts.llm.cache_hit", result.cached());
        span.setAttribute("ts.llm.model_calls", result.modelCalls());
        span.setAttribute("ts.llm.repaired", result.repaired());
        // Exact figure as text; the double is for viewers such as Langfuse that read gen_ai.usage.cost.
        span.setAttribute("ts.llm.cost_usd", result.costUsd().toPlainString());
        span.setAttribute("gen_ai.usage.cost", result.costUsd().doubleValue());
        if (result.ok()) {
            span.setAttribute(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
                    List.of(result.response().finishReason().name().toLowerCase(Locale.ROOT)));
            if (telemetry.captureContent()) {
                span.addEvent("gen_ai.content.completion", Attributes.of(COMPLETION, completion(result.response())));
            }
        } else {
            failed(span, result.code().name());
        }
        span.end();
    }

    /** An unexpected exception out of the service: the span still ends, marked INTERNAL. */
    void crashed(Span span) {
        if (span.isRecording()) {
            failed(span, io.tradingstack.bus.ErrorCode.INTERNAL.name());
            span.end();
        }
    }

    private static void failed(Span span, String code) {
        span.setAttribute("error.type", code);
        span.setStatus(StatusCode.ERROR, code);
    }

    private static String completion(LlmResponse response) {
        return response.hasToolCalls() ? Json.write(java.util.Map.of("text", response.text(),
                "tool_calls", response.toolCalls())) : response.text();
    }
}
