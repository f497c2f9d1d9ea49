package io.tradingstack.strategy.rules;

import io.tradingstack.model.FeatureVector;

import java.util.Map;

/**
 * Turns a checked syntax tree into a tree of closures over a {@link Frame}. Logic is three-valued
 * (Kleene): a comparison with an undefined operand is unknown, {@code not unknown} stays unknown
 * (so a missing indicator can never flip a rule into firing), {@code and} is false if any side is
 * false, {@code or} true if any side is true. A rule fires only when it evaluates to true.
 */
final class Compiler {
    private final Map<Node, Identifiers.Ref> refs;
    private final Map<Node, Type> types;

    Compiler(Map<Node, Identifiers.Ref> refs, Map<Node, Type> types) {
        this.refs = refs;
        this.types = types;
    }

    Compiled.Cond cond(Node n) {
        if (n instanceof Node.Bool b) {
            int v = b.value() ? Eval.TRUE : Eval.FALSE;
            return (f, e) -> v;
        }
        if (n instanceof Node.Ident x) {
            return flag((Identifiers.FlagRef) refs.get(x));
        }
        if (n instanceof Node.Compare x) {
            return compare(x);
        }
        if (n instanceof Node.Logic x) {
            return x.and() ? and(cond(x.left()), cond(x.right())) : or(cond(x.left()), cond(x.right()));
        }
        if (n instanceof Node.Not x) {
            Compiled.Cond c = cond(x.operand());
            return (f, e) -> {
                int v = c.eval(f, e);
                return v == Eval.UNKNOWN ? v : 1 - v;
            };
        }
        if (n instanceof Node.In x) {
            return in(x);
        }
        if (n instanceof Node.Between x) {
            return between(x);
        }
        return cross((Node.Cross) n);
    }

    private static Compiled.Cond flag(Identifiers.FlagRef ref) {
        PositionState want = ref.state();
        return (f, e) -> {
            if (f.position() == null) {
                e.missing("position");
                return Eval.UNKNOWN;
            }
            return f.position() == want ? Eval.TRUE : Eval.FALSE;
        };
    }

    private static Compiled.Cond and(Compiled.Cond l, Compiled.Cond r) {
        return (f, e) -> {
            int a = l.eval(f, e);
            if (a == Eval.FALSE) {
                return Eval.FALSE;
            }
            int b = r.eval(f, e);
            return b == Eval.FALSE ? Eval.FALSE : a == Eval.TRUE && b == Eval.TRUE ? Eval.TRUE : Eval.UNKNOWN;
        };
    }

    private static Compiled.Cond or(Compiled.Cond l, Compiled.Cond r) {
        return (f, e) -> {
            int a = l.eval(f, e);
            if (a == Eval.TRUE) {
                return Eval.TRUE;
            }
            int b = r.eval(f, e);
            return b == Eval.TRUE ? Eval.TRUE : a == Eval.FALSE && b == Eval.FALSE ? Eval.FALSE : Eval.UNKNOWN;
        };
    }

    private Compiled.Cond compare(Node.Compare x) {
        Type.Kind kind = types.get(x.left()).kind();
        TokenKind op = x.op();
        if (kind == Type.Kind.NUMBER) {
            Compiled.Num l = num(x.left());
            Compiled.Num r = num(x.right());
            return (f, e) -> order(op, l.eval(f, e), r.eval(f, e));
        }
        boolean equal = op == TokenKind.EQ;
        if (kind == Type.Kind.TEXT) {
            Compiled.Text l = text(x.left());
            Compiled.Text r = text(x.right());
            return (f, e) -> {
                String a = l.eval(f, e);
                String b = r.eval(f, e);
                return a == null || b == null ? Eval.UNKNOWN : a.equals(b) == equal ? Eval.TRUE : Eval.FALSE;
            };
        }
        Compiled.Cond l = cond(x.left());
        Compiled.Cond r = cond(x.right());
        return (f, e) -> {
            int a = l.eval(f, e);
            int b = r.eval(f, e);
            return a == Eval.UNKNOWN || b == Eval.UNKNOWN ? Eval.UNKNOWN : (a == b) == equal ? Eval.TRUE : Eval.FALSE;
        };
    }

    private static int order(TokenKind op, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Eval.UNKNOWN;
        }
        boolean r = switch (op) {
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            default -> a != b;
        };
        return r ? Eval.TRUE : Eval.FALSE;
    }

    private Compiled.Cond in(Node.In x) {
        boolean negated = x.negated();
        if (types.get(x.value()).kind() == Type.Kind.NUMBER) {
            Compiled.Num v = num(x.value());
            double[] items = x.items().stream().mapToDouble(i -> ((Node.Num) i).value()).toArray();
            return (f, e) -> {
                double a = v.eval(f, e);
                if (Double.isNaN(a)) {
                    return Eval.UNKNOWN;
                }
                boolean found = false;
                for (double i : items) {
                    found |= i == a;
                }
                return found != negated ? Eval.TRUE : Eval.FALSE;
            };
        }
        Compiled.Text v = text(x.value());
        java.util.Set<String> items = new java.util.HashSet<>();
        x.items().forEach(i -> items.add(((Node.Text) i).value()));
        return (f, e) -> {
            String a = v.eval(f, e);
            return a == null ? Eval.UNKNOWN : items.contains(a) != negated ? Eval.TRUE : Eval.FALSE;
        };
    }

    private Compiled.Cond between(Node.Between x) {
        Compiled.Num v = num(x.value());
        Compiled.Num lo = num(x.low());
        Compiled.Num hi = num(x.high());
        boolean negated = x.negated();
        return (f, e) -> {
            double a = v.eval(f, e);
            double l = lo.eval(f, e);
            double h = hi.eval(f, e);
            if (Double.isNaN(a) || Double.isNaN(l) || Double.isNaN(h)) {
                return Eval.UNKNOWN;
            }
            return (a >= l && a <= h) != negated ? Eval.TRUE : Eval.FALSE;
        };
    }

    /** a crosses_above b: a was at or below b on the previous bar and is above it now. */
    private Compiled.Cond cross(Node.Cross x) {
        Compiled.Num l = num(x.left());
        Compiled.Num r = num(x.right());
        boolean above = x.above();
        return (f, e) -> {
            double a = l.eval(f, e);
            double b = r.eval(f, e);
            if (e.previous == null) {
                e.missing("previous bar");
                return Eval.UNKNOWN;
            }
            double pa = l.eval(e.previous, e);
            double pb = r.eval(e.previous, e);
            if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(pa) || Double.isNaN(pb)) {
                return Eval.UNKNOWN;
            }
            boolean crossed = above ? pa <= pb && a > b : pa >= pb && a < b;
            return crossed ? Eval.TRUE : Eval.FALSE;
        };
    }

    Compiled.Num num(Node n) {
        if (n instanceof Node.Num x) {
            double v = x.value();
            return (f, e) -> v;
        }
        if (n instanceof Node.Ident x) {
            return feature((Identifiers.NumericRef) refs.get(x));
        }
        if (n instanceof Node.Negate x) {
            Compiled.Num o = num(x.operand());
            return (f, e) -> -o.eval(f, e);
        }
        if (n instanceof Node.Arith x) {
            return arith(x.op(), num(x.left()), num(x.right()));
        }
        return call((Node.Call) n);
    }

    private static Compiled.Num feature(Identifiers.NumericRef ref) {
        String name = ref.name();
        String tf = ref.timeframe();
        java.util.function.Function<FeatureVector, Double> read = ref.feature().read();
        return (f, e) -> {
            FeatureVector v = tf == null ? f.base() : f.at(tf);
            Double d = v == null ? null : read.apply(v);
            if (d == null) {
                e.missing(name);
                return Double.NaN;
            }
            return d;
        };
    }

    private static Compiled.Num arith(char op, Compiled.Num l, Compiled.Num r) {
        return switch (op) {
            case '+' -> (f, e) -> Eval.defined(l.eval(f, e) + r.eval(f, e), e);
            case '-' -> (f, e) -> Eval.defined(l.eval(f, e) - r.eval(f, e), e);
            case '*' -> (f, e) -> Eval.defined(l.eval(f, e) * r.eval(f, e), e);
            default -> (f, e) -> {
                double a = l.eval(f, e);
                double b = r.eval(f, e);
                if (b == 0 && !Double.isNaN(a)) {
                    e.missing("division by zero");
                    return Double.NaN;
                }
                return Eval.defined(a / b, e);
            };
        };
    }

    private Compiled.Num call(Node.Call x) {
        Compiled.Num a = num(x.args().get(0));
        return switch (x.name()) {
            case "abs" -> (f, e) -> Math.abs(a.eval(f, e));
            case "min" -> {
                Compiled.Num b = num(x.args().get(1));
                yield (f, e) -> Math.min(a.eval(f, e), b.eval(f, e));
            }
            default -> {
                Compiled.Num b = num(x.args().get(1));
                yield (f, e) -> Math.max(a.eval(f, e), b.eval(f, e));
            }
        };
    }

    Compiled.Text text(Node n) {
        if (n instanceof Node.Text x) {
            String v = x.value();
            return (f, e) -> v;
        }
        Identifiers.StateRef ref = (Identifiers.StateRef) refs.get((Node.Ident) n);
        String name = ref.name();
        if (ref.domain() == StateDomain.POSITION) {
            return (f, e) -> {
                if (f.position() == null) {
                    e.missing(name);
                    return null;
                }
                return f.position().key();
            };
        }
        String tf = ref.timeframe();
        double scale = MarketStates.scale(ref.timeframeSeconds());
        boolean vol = ref.domain() == StateDomain.VOL_STATE;
        return (f, e) -> {
            FeatureVector v = tf == null ? f.base() : f.at(tf);
            String s = vol ? MarketStates.volState(v, scale) : MarketStates.trendState(v, scale);
            if (s == null) {
                e.missing(name);
            }
            return s;
        };
    }
}
