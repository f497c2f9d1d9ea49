package io.tradingstack.llm;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where calls are recorded and recorded answers found again. Blocking; never called on an event loop. */
public interface CallLog {

    /** A recorded good answer: its row id and the response. */
    record Answer(UUID id, LlmResponse response) {
    }

    /** Counts of one agent since a time, to seed the daily caps after a restart. */
    record Totals(long calls, long cacheHits, long refused, TokenUsage usage, java.math.BigDecimal costUsd) {
    }

    void append(CallRecord record);

    /** The first good answer to a request hash (the determinism cache). */
    Optional<Answer> answerFor(String requestHash);

    /** The good answer already stored under an idempotency key (a retried activity). */
    Optional<Answer> answerForKey(String callKey);

    Map<String, Totals> totalsSince(Instant from);

    /** One recorded call by id (for tests and inspection). */
    Optional<CallRecord> find(UUID id);
}
