package io.tradingstack.strategy.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to "is this spec usable?": valid with the parsed and compiled spec, or the problems
 * (schema, fields, rules) each with a code and a path. Warnings never make a spec invalid.
 */
public record ValidationReport(boolean valid, StrategySpec spec, CompiledSpec compiled, List<Problem> errors,
                               List<Problem> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    static ValidationReport invalid(List<Problem> errors) {
        return new ValidationReport(false, null, null, errors, List.of());
    }

    /** The compiled spec, or the problems as a {@link SpecException}. */
    public CompiledSpec orThrow() {
        if (!valid) {
            throw new SpecException(errors);
        }
        return compiled;
    }

    /** A plain map for JSON answers: valid, errors, warnings and, when valid, what the rules read. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", valid);
        m.put("errors", errors.stream().map(Problem::toMap).toList());
        m.put("warnings", warnings.stream().map(Problem::toMap).toList());
        if (compiled != null) {
            m.put("market", spec.market());
            m.put("timeframe", spec.timeframe());
            m.put("timeframes_read", compiled.timeframes().stream().sorted().toList());
            m.put("triggers", compiled.triggers().stream().map(t -> t.id()).toList());
        }
        return m;
    }
}
