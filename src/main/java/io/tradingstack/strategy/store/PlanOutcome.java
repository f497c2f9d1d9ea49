package io.tradingstack.strategy.store;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.strategy.spec.Problem;

import java.util.List;

/**
 * The answer of a plan: the stored spec with the validator's warnings, or a coded failure (nothing
 * stored) with the problems of the last answer. Either way, the LLM call ids (llm_calls rows), the
 * provider and model that answered, and whether a repair round was needed.
 */
public record PlanOutcome(StoredSpec stored, ErrorCode code, String message, List<Problem> errors, List<Problem> warnings,
                          List<String> llmCalls, String provider, String model, boolean repaired) {
    public PlanOutcome {
        errors = errors == null ? List.of() : List.copyOf(errors);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        llmCalls = llmCalls == null ? List.of() : llmCalls.stream().filter(java.util.Objects::nonNull).toList();
    }

    public boolean ok() {
        return stored != null;
    }
}
