package io.tradingstack.strategy.rules;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Scratch state of one evaluation: the previous frame (for crosses) and the names that were
 * undefined. Allocates nothing while every value is defined.
 */
final class Eval {
    static final int TRUE = 1;
    static final int FALSE = 0;
    static final int UNKNOWN = -1;

    final Frame previous;
    private Set<String> missing;

    Eval(Frame previous) {
        this.previous = previous;
    }

    void missing(String name) {
        if (missing == null) {
            missing = new LinkedHashSet<>();
        }
        missing.add(name);
    }

    Set<String> missing() {
        return missing == null ? Set.of() : missing;
    }

    /** An arithmetic result: an overflow to infinity is undefined too (an undefined operand was already recorded). */
    static double defined(double v, Eval e) {
        if (Double.isInfinite(v)) {
            e.missing("overflow");
            return Double.NaN;
        }
        return v;
    }
}
