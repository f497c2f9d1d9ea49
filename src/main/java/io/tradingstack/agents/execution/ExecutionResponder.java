package io.tradingstack.agents.execution;

import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.offline.OfflineReply;
import io.tradingstack.llm.offline.OfflineResponder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline provider's answer to the execution agent: per symbol of the context, the intent the
 * spec's rules propose (the evaluation and features already decided them), so an agent without a
 * key trades the active spec. Deterministic: the same context gives the same intents.
 */
public final class ExecutionResponder implements OfflineResponder {

    @Override
    public Set<String> tasks() {
        return Set.of(ExecutionPrompt.TASK);
    }

    @Override
    public OfflineReply respond(LlmRequest request) {
        List<Map<String, Object>> intents = new ArrayList<>();
        StringBuilder why = new StringBuilder("offline rules: followed the spec's proposals");
        if (request.context().get("symbols") instanceof List<?> symbols) {
            for (Object o : symbols) {
                if (o instanceof Map<?, ?> s) {
                    intents.add(intent(s));
                }
            }
        }
        if (request.context().get("feedback") instanceof List<?> f && !f.isEmpty()) {
            why.append("; ").append(f.size()).append(" feedback message(s) noted");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intents", intents);
        answer.put("rationale", why.toString());
        return OfflineReply.json(answer);
    }

    private static Map<String, Object> intent(Map<?, ?> s) {
        Map<?, ?> rules = s.get("rules") instanceof Map<?, ?> r ? r : Map.of();
        Object action = rules.get("action");
        BigDecimal qty = rules.get("qty") == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(rules.get("qty")));
        boolean acts = ("buy".equals(action) || "sell".equals(action)) && qty.signum() > 0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", String.valueOf(s.get("symbol")));
        out.put("action", acts ? action : "hold");
        out.put("qty", acts ? qty : BigDecimal.ZERO);
        out.put("reason", "rules: " + rules.get("reason"));
        return out;
    }
}
