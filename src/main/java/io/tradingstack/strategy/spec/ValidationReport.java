package io.tradingstack.strategy.spec;

import java.util.List;

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
}
