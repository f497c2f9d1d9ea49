package io.tradingstack.strategy.rules;

/**
 * The type of an expression: a number, a condition, or text. Text that comes from a state name
 * carries its {@link StateDomain}, so a literal compared with it can be checked against the
 * domain's values; a quoted literal has no domain.
 */
record Type(Kind kind, StateDomain domain) {
    enum Kind { NUMBER, BOOLEAN, TEXT }

    static final Type NUMBER = new Type(Kind.NUMBER, null);
    static final Type BOOLEAN = new Type(Kind.BOOLEAN, null);
    static final Type TEXT = new Type(Kind.TEXT, null);

    static Type state(StateDomain d) {
        return new Type(Kind.TEXT, d);
    }

    String describe() {
        return switch (kind) {
            case NUMBER -> "a number";
            case BOOLEAN -> "a condition (true/false)";
            case TEXT -> domain == null ? "quoted text" : "the " + domain.label() + " state";
        };
    }
}
