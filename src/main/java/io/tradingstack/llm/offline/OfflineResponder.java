package io.tradingstack.llm.offline;

import io.tradingstack.llm.LlmRequest;

import java.util.Set;

/**
 * Answers requests of some tasks by rules, for the offline provider. Agents supply their own
 * (e.g. the execution agent's intent rules) and list them in
 * {@code META-INF/services/io.tradingstack.llm.offline.OfflineResponder}, or hand them to
 * {@link OfflineProvider#OfflineProvider(java.util.List)}. An implementation must be deterministic:
 * the same request always gives the same reply, with no clock, randomness or I/O.
 */
public interface OfflineResponder {

    /** The task names ({@link LlmRequest#task()}) this responder answers. */
    Set<String> tasks();

    OfflineReply respond(LlmRequest request);
}
