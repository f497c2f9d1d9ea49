package io.tradingstack.llm;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one {@link Llm#chat} call. Either OK, with the validated response (and the
 * validated structured answer when a schema was asked for), or a coded failure: LLM_CAP_REACHED,
 * LLM_BAD_RESPONSE (after the one repair round), LLM_BAD_REQUEST or LLM_UNAVAILABLE (after bounded
 * retries). Failures are values, never exceptions, so an agent can fall back to rules and record why.
 *
 * @param callId     id of the {@code llm_calls} row of the final answer (or of the refusal)
 * @param modelCalls model calls made for this result: 0 for a cache hit or a refusal, 2 after a repair
 * @param usage      tokens over all model calls of this result
 */
public record LlmResult(String callId, ErrorCode code, String message, LlmResponse response,
                        Map<String, Object> structured, String provider, String model, TokenUsage usage,
                        BigDecimal costUsd, long latencyMs, int modelCalls, boolean cached, boolean repaired) {

    public LlmResult {
        if ((code == null) == (response == null)) {
            throw new IllegalArgumentException("a result has either a response or an error code");
        }
        usage = usage == null ? TokenUsage.NONE : usage;
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
        structured = structured == null ? null : Schemas.copy(structured);
    }

    public boolean ok() {
        return code == null;
    }

    /** The answer's text ("" when it was only tool calls or a failure). */
    public String text() {
        return ok() ? response.text() : "";
    }

    public List<ToolCall> toolCalls() {
        return ok() ? response.toolCalls() : List.of();
    }

    /** The structured answer mapped onto a record or class of the caller's (Jackson). */
    public <T> T structuredAs(Class<T> type) {
        if (structured == null) {
            throw new IllegalStateException("no structured answer: " + (ok() ? "no schema was asked for" : message));
        }
        return Json.MAPPER.convertValue(structured, type);
    }
}
