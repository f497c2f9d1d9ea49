package io.tradingstack.strategy.rules;

import java.util.Set;

/**
 * The result of a rule on one bar. {@link Result#UNKNOWN} means an undefined value decided it
 * (warm-up, no previous bar, division by zero): the rule does not fire and {@code missing} names
 * why (reported as missing_indicator).
 */
public record RuleOutcome(Result result, Set<String> missing) {
    public enum Result { FIRED, NOT_FIRED, UNKNOWN }

    public static final RuleOutcome FIRED = new RuleOutcome(Result.FIRED, Set.of());
    public static final RuleOutcome NOT_FIRED = new RuleOutcome(Result.NOT_FIRED, Set.of());

    public RuleOutcome {
        missing = Set.copyOf(missing);
    }

    public boolean fired() {
        return result == Result.FIRED;
    }

    public boolean unknown() {
        return result == Result.UNKNOWN;
    }
}
