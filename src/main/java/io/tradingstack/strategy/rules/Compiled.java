package io.tradingstack.strategy.rules;

/** The closure shapes a rule compiles to; each reads a {@link Frame} and never throws. */
final class Compiled {
    private Compiled() {
    }

    /** A number; NaN means undefined (warm-up, division by zero). */
    @FunctionalInterface
    interface Num {
        double eval(Frame f, Eval e);
    }

    /** A state value (an interned domain value) or null when undefined. */
    @FunctionalInterface
    interface Text {
        String eval(Frame f, Eval e);
    }

    /** Three-valued: {@link Eval#TRUE}, {@link Eval#FALSE} or {@link Eval#UNKNOWN}. */
    @FunctionalInterface
    interface Cond {
        int eval(Frame f, Eval e);
    }
}
