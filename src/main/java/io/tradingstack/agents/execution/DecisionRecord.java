package io.tradingstack.agents.execution;

import java.math.BigDecimal;
import java.util.List;

/**
 * One decision of the execution agent for one symbol on one nudge, as stored in
 * {@code agent_decisions}. The id {@code <workflow id>:<seq>:<symbol>} is also the
 * client_order_id of the order it placed, so storing or ordering it again changes nothing.
 *
 * @param decidedBy   rules, llm, hybrid, rules_fallback (the model failed or was rate-limited) or skipped
 * @param fallback    why the model's answer was not used ("LLM_BAD_RESPONSE: …", "RATE_LIMIT…"), else null
 * @param decidedAt   workflow time of the nudge (ISO-8601)
 */
public record DecisionRecord(String id, String workflowId, long seq, String symbol, String mode, String decidedBy,
                             String gateReason, boolean consulted, String fallback, String inputsDigest, String llmCallId,
                             String provider, int promptVersion, BigDecimal price, Proposal rules, List<Intent> intents,
                             List<OrderOutcome> verdicts, List<String> orderIds, String outcome, String decidedAt) {

    public DecisionRecord {
        intents = intents == null ? List.of() : List.copyOf(intents);
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        orderIds = orderIds == null ? List.of() : List.copyOf(orderIds);
    }

    /** The decision id (and client_order_id) of a symbol on a nudge. */
    public static String idOf(String workflowId, long seq, String symbol) {
        return workflowId + ":" + seq + ":" + symbol;
    }
}
