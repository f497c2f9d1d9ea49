package io.tradingstack.strategy.rules;

import io.tradingstack.bus.ErrorCode;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves every name against {@link Identifiers} and checks types once, before anything runs:
 * numbers are compared with numbers, a state only with its own values, conditions are joined with
 * and/or/not, and a whole rule is a condition.
 */
final class TypeChecker {
    /** Functions and their arity. */
    static final Map<String, Integer> FUNCTIONS = Map.of("abs", 1, "min", 2, "max", 2);

    private final RuleEnvironment env;
    private final Map<Node, Identifiers.Ref> refs = new IdentityHashMap<>();
    private final Map<Node, Type> types = new IdentityHashMap<>();
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> timeframes = new LinkedHashSet<>();

    TypeChecker(RuleEnvironment env) {
        this.env = env;
    }

    /** Checks a whole rule: it must be a condition. */
    void checkRule(Node root) {
        Type t = type(root);
        if (t.kind() != Type.Kind.BOOLEAN) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, root.pos(),
                    "a rule must be a condition (true/false) but this is " + t.describe() + "; compare it, e.g. rsi_14 < 30");
        }
    }

    Map<Node, Identifiers.Ref> refs() {
        return refs;
    }

    /** The type of every checked node. */
    Map<Node, Type> types() {
        return types;
    }

    Set<String> names() {
        return names;
    }

    Set<String> timeframes() {
        return timeframes;
    }

    Type type(Node n) {
        Type t = typeOf(n);
        types.put(n, t);
        return t;
    }

    private Type typeOf(Node n) {
        if (n instanceof Node.Num) {
            return Type.NUMBER;
        }
        if (n instanceof Node.Text) {
            return Type.TEXT;
        }
        if (n instanceof Node.Bool) {
            return Type.BOOLEAN;
        }
        if (n instanceof Node.Ident x) {
            return ident(x);
        }
        if (n instanceof Node.Negate x) {
            return number(x.operand(), "'-'");
        }
        if (n instanceof Node.Arith x) {
            number(x.left(), "'" + x.op() + "'");
            return number(x.right(), "'" + x.op() + "'");
        }
        if (n instanceof Node.Compare x) {
            return compare(x);
        }
        if (n instanceof Node.Logic x) {
            condition(x.left(), x.and() ? "and" : "or");
            return condition(x.right(), x.and() ? "and" : "or");
        }
        if (n instanceof Node.Not x) {
            return condition(x.operand(), "not");
        }
        if (n instanceof Node.In x) {
            return in(x);
        }
        if (n instanceof Node.Between x) {
            return between(x);
        }
        if (n instanceof Node.Cross x) {
            String op = x.above() ? "crosses_above" : "crosses_below";
            number(x.left(), op);
            number(x.right(), op);
            return Type.BOOLEAN;
        }
        return call((Node.Call) n);
    }

    private Type ident(Node.Ident x) {
        Identifiers.Ref ref = Identifiers.resolve(x.name(), env, x.pos());
        refs.put(x, ref);
        names.add(x.name());
        if (ref instanceof Identifiers.NumericRef r) {
            timeframe(r.timeframe());
            return Type.NUMBER;
        }
        if (ref instanceof Identifiers.StateRef r) {
            timeframe(r.timeframe());
            return Type.state(r.domain());
        }
        return Type.BOOLEAN;
    }

    private void timeframe(String tf) {
        if (tf != null) {
            timeframes.add(tf);
        }
    }


    private Type number(Node operand, String op) {
        Type t = type(operand);
        if (t.kind() != Type.Kind.NUMBER) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, operand.pos(), op + " needs a number but got " + t.describe());
        }
        return Type.NUMBER;
    }

    private Type condition(Node operand, String op) {
        Type t = type(operand);
        if (t.kind() != Type.Kind.BOOLEAN) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, operand.pos(), op + " joins conditions but got " + t.describe());
        }
        return Type.BOOLEAN;
    }

    private Type compare(Node.Compare x) {
        Type l = type(x.left());
        Type r = type(x.right());
        boolean ordering = x.op() != TokenKind.EQ && x.op() != TokenKind.NE;
        if (ordering && (l.kind() != Type.Kind.NUMBER || r.kind() != Type.Kind.NUMBER)) {
            Node bad = l.kind() != Type.Kind.NUMBER ? x.left() : x.right();
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, bad.pos(), "'" + symbol(x.op())
                    + "' orders numbers but got " + (l.kind() != Type.Kind.NUMBER ? l : r).describe()
                    + "; states and conditions compare with == or !=");
        }
        compatible(l, x.left(), r, x.right(), "==");
        return Type.BOOLEAN;
    }

    private void compatible(Type l, Node ln, Type r, Node rn, String op) {
        if (l.kind() != r.kind()) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, rn.pos(), "cannot compare " + l.describe() + " with "
                    + r.describe());
        }
        if (l.kind() != Type.Kind.TEXT) {
            return;
        }
        if (l.domain() != null && r.domain() != null && l.domain() != r.domain()) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, rn.pos(), "cannot compare " + l.describe() + " with "
                    + r.describe());
        }
        if (l.domain() != null) {
            value(l.domain(), rn);
        } else if (r.domain() != null) {
            value(r.domain(), ln);
        }
    }

    /** A literal compared with a state must be one of its values. */
    private static void value(StateDomain d, Node literal) {
        if (literal instanceof Node.Text t && d.canonical(t.value()) == null) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, t.pos(), "'" + t.value() + "' is not a value of "
                    + d.label() + "; accepted: " + String.join(", ", d.accepted()), d.accepted(), Suggest.closest(t.value(), d.accepted()));
        }
    }

    private Type in(Node.In x) {
        Type v = type(x.value());
        if (v.kind() == Type.Kind.BOOLEAN) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, x.value().pos(), "in needs a number or a state, not " + v.describe());
        }
        if (x.items().isEmpty()) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, x.pos(), "in [] with an empty list is never true");
        }
        for (Node item : x.items()) {
            compatible(v, x.value(), type(item), item, "in");
        }
        return Type.BOOLEAN;
    }

    private Type between(Node.Between x) {
        number(x.value(), "between");
        number(x.low(), "between");
        number(x.high(), "between");
        Double lo = constant(x.low());
        Double hi = constant(x.high());
        if (lo != null && hi != null && lo > hi) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, x.low().pos(), "between " + fmt(lo) + " and " + fmt(hi)
                    + " is never true: write the lower bound first");
        }
        return Type.BOOLEAN;
    }

    private static Double constant(Node n) {
        if (n instanceof Node.Num v) {
            return v.value();
        }
        return n instanceof Node.Negate neg && neg.operand() instanceof Node.Num v ? -v.value() : null;
    }

    private Type call(Node.Call x) {
        Integer arity = FUNCTIONS.get(x.name());
        if (arity == null) {
            List<String> accepted = FUNCTIONS.keySet().stream().sorted().toList();
            throw new RuleException(ErrorCode.STRATEGY_UNKNOWN_FUNCTION, x.pos(), "unknown function '" + x.name()
                    + "'; accepted: " + String.join(", ", accepted) + " (features are plain names such as rsi_14, not calls)",
                    accepted, Suggest.closest(x.name(), accepted));
        }
        if (x.args().size() != arity) {
            throw new RuleException(ErrorCode.STRATEGY_TYPE_ERROR, x.pos(), x.name() + " takes " + arity + " argument"
                    + (arity == 1 ? "" : "s") + " but got " + x.args().size());
        }
        for (Node a : x.args()) {
            number(a, x.name());
        }
        return Type.NUMBER;
    }

    static String symbol(TokenKind k) {
        return switch (k) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
            default -> k.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
