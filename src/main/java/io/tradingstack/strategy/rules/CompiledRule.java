package io.tradingstack.strategy.rules;

import java.util.Set;

/**
 * A rule parsed, type-checked and compiled once; evaluating it is a walk over closures with no
 * parsing, no reflection and no exception. Immutable and safe to share between threads.
 */
public final class CompiledRule {
    private final String source;
    private final Compiled.Cond root;
    private final Set<String> names;
    private final Set<String> timeframes;
    private final boolean usesPrevious;

    CompiledRule(String source, Compiled.Cond root, Set<String> names, Set<String> timeframes, boolean usesPrevious) {
        this.source = source;
        this.root = root;
        this.names = Set.copyOf(names);
        this.timeframes = Set.copyOf(timeframes);
        this.usesPrevious = usesPrevious;
    }

    public String source() {
        return source;
    }

    /** The names the rule reads (as written, lower-cased). */
    public Set<String> names() {
        return names;
    }

    /** The coarser timeframes it reads (labels such as "1h"); empty when it reads only its own. */
    public Set<String> timeframes() {
        return timeframes;
    }

    /** Whether it compares with the previous bar (crosses_above / crosses_below). */
    public boolean usesPrevious() {
        return usesPrevious;
    }

    /** A rule with no name at all always gives the same answer. */
    public boolean constant() {
        return names.isEmpty();
    }

    /**
     * Evaluates on {@code current}; {@code previous} is the frame of the bar before (null on the
     * first bar, which leaves crosses undefined). A null {@code current} reads as {@link Frame#EMPTY}.
     */
    public RuleOutcome evaluate(Frame current, Frame previous) {
        Eval e = new Eval(previous);
        int v = root.eval(current == null ? Frame.EMPTY : current, e);
        if (v == Eval.TRUE) {
            return e.missing().isEmpty() ? RuleOutcome.FIRED : new RuleOutcome(RuleOutcome.Result.FIRED, e.missing());
        }
        if (v == Eval.FALSE) {
            return e.missing().isEmpty() ? RuleOutcome.NOT_FIRED : new RuleOutcome(RuleOutcome.Result.NOT_FIRED, e.missing());
        }
        return new RuleOutcome(RuleOutcome.Result.UNKNOWN, e.missing());
    }

    /** True only when the rule fires: the hot path of backtests. */
    public boolean fires(Frame current, Frame previous) {
        return root.eval(current == null ? Frame.EMPTY : current, new Eval(previous)) == Eval.TRUE;
    }

    @Override
    public String toString() {
        return source;
    }
}
