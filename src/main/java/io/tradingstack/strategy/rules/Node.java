package io.tradingstack.strategy.rules;

import java.util.List;

/** The syntax tree of a rule; every node remembers the offset it starts at, for error messages. */
sealed interface Node {
    int pos();

    record Num(double value, int pos) implements Node {
    }

    record Text(String value, int pos) implements Node {
    }

    record Bool(boolean value, int pos) implements Node {
    }

    record Ident(String name, int pos) implements Node {
    }

    record Negate(Node operand, int pos) implements Node {
    }

    /** {@code op} is one of + - * /. */
    record Arith(char op, Node left, Node right, int pos) implements Node {
    }

    record Compare(TokenKind op, Node left, Node right, int pos) implements Node {
    }

    /** {@code and} true for "and", false for "or". */
    record Logic(boolean and, Node left, Node right, int pos) implements Node {
    }

    record Not(Node operand, int pos) implements Node {
    }

    record In(Node value, List<Node> items, boolean negated, int pos) implements Node {
    }

    record Between(Node value, Node low, Node high, boolean negated, int pos) implements Node {
    }

    record Cross(boolean above, Node left, Node right, int pos) implements Node {
    }

    record Call(String name, List<Node> args, int pos) implements Node {
    }
}
