package io.tradingstack.llm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code llm_calls}: a model call (attempt 1, or 2 for the repair round), a cache hit
 * (attempt 0, {@code cachedFrom} set) or a refusal. {@code status} is OK, CACHE_HIT or an
 * {@link io.tradingstack.bus.ErrorCode} name. Holds no key and no request text, only its hash.
 */
public record CallRecord(UUID id, Instant ts, String agent, String task, String callKey, String requestHash,
                         String provider, String model, String promptVersion, int attempt, boolean modelCalled,
                         TokenUsage usage, BigDecimal costUsd, long latencyMs, String status, Integer errorCode,
                         String message, UUID cachedFrom, LlmResponse response) {
    public static final String OK = "OK";
    public static final String CACHE_HIT = "CACHE_HIT";
}
