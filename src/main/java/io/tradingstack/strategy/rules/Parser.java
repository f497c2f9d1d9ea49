package io.tradingstack.strategy.rules;

import io.tradingstack.bus.ErrorCode;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of the rule grammar (docs/strategy.md has the EBNF). Nesting is
 * bounded by {@link #MAX_DEPTH} so that no input can exhaust the stack.
 */
final class Parser {
    static final int MAX_DEPTH = 32;
    static final int MAX_LIST = 32;
    static final int MAX_ARGS = 4;
    private static final Set<TokenKind> COMPARISONS = EnumSet.of(TokenKind.LT, TokenKind.LE, TokenKind.GT,
            TokenKind.GE, TokenKind.EQ, TokenKind.NE);

    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String source) {
        Parser p = new Parser(Lexer.tokens(source));
        Node root = p.expression();
        Token t = p.peek();
        if (t.kind() != TokenKind.EOF) {
            throw p.error(t, "unexpected " + describe(t) + " after a complete condition"
                    + (t.kind() == TokenKind.RPAREN ? " (unbalanced parenthesis)" : "; join conditions with and / or"));
        }
        return root;
    }

    private Node expression() {
        enter();
        Node n = or();
        depth--;
        return n;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_TOO_LARGE, peek().pos(), "rule nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private Node or() {
        Node left = and();
        while (peek().kind() == TokenKind.OR) {
            int pos = take().pos();
            left = new Node.Logic(false, left, and(), pos);
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().kind() == TokenKind.AND) {
            int pos = take().pos();
            left = new Node.Logic(true, left, not(), pos);
        }
        return left;
    }

    private Node not() {
        if (peek().kind() == TokenKind.NOT) {
            int pos = take().pos();
            enter();
            Node operand = not();
            depth--;
            return new Node.Not(operand, pos);
        }
        return comparison();
    }

    private Node comparison() {
        Node left = sum();
        Token t = peek();
        Node result;
        if (COMPARISONS.contains(t.kind())) {
            take();
            result = new Node.Compare(t.kind(), left, sum(), t.pos());
        } else if (t.kind() == TokenKind.CROSSES_ABOVE || t.kind() == TokenKind.CROSSES_BELOW) {
            take();
            result = new Node.Cross(t.kind() == TokenKind.CROSSES_ABOVE, left, sum(), t.pos());
        } else if (t.kind() == TokenKind.IN || t.kind() == TokenKind.BETWEEN
                || t.kind() == TokenKind.NOT && (peekAt(1) == TokenKind.IN || peekAt(1) == TokenKind.BETWEEN)) {
            result = membership(left);
        } else {
            return left;
        }
        Token after = peek();
        if (COMPARISONS.contains(after.kind()) || after.kind() == TokenKind.CROSSES_ABOVE
                || after.kind() == TokenKind.CROSSES_BELOW || after.kind() == TokenKind.IN || after.kind() == TokenKind.BETWEEN) {
            throw error(after, "chained comparison: write each comparison separately and join them with and");
        }
        return result;
    }

    private Node membership(Node value) {
        boolean negated = peek().kind() == TokenKind.NOT;
        if (negated) {
            take();
        }
        Token op = take();
        if (op.kind() == TokenKind.BETWEEN) {
            Node low = sum();
            expect(TokenKind.AND, "'and' between the two bounds of between");
            return new Node.Between(value, low, sum(), negated, op.pos());
        }
        return new Node.In(value, list(), negated, op.pos());
    }

    private List<Node> list() {
        expect(TokenKind.LBRACKET, "'[' to start the list after in");
        List<Node> items = new ArrayList<>();
        if (peek().kind() != TokenKind.RBRACKET) {
            do {
                if (items.size() == MAX_LIST) {
                    throw new RuleException(ErrorCode.STRATEGY_RULE_TOO_LARGE, peek().pos(), "a list holds at most " + MAX_LIST + " values");
                }
                items.add(listItem());
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RBRACKET, "',' or ']' in the list");
        return items;
    }

    private Node listItem() {
        Token t = take();
        return switch (t.kind()) {
            case NUMBER -> new Node.Num(Double.parseDouble(t.text()), t.pos());
            case STRING -> new Node.Text(t.text(), t.pos());
            case MINUS -> {
                Token n = take();
                if (n.kind() != TokenKind.NUMBER) {
                    throw error(n, "expected a number after '-' in the list");
                }
                yield new Node.Num(-Double.parseDouble(n.text()), t.pos());
            }
            default -> throw error(t, "a list holds numbers or quoted text only, not " + describe(t));
        };
    }

    private Node sum() {
        Node left = product();
        while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
            Token op = take();
            left = new Node.Arith(op.text().charAt(0), left, product(), op.pos());
        }
        return left;
    }

    private Node product() {
        Node left = unary();
        while (peek().kind() == TokenKind.STAR || peek().kind() == TokenKind.SLASH) {
            Token op = take();
            left = new Node.Arith(op.text().charAt(0), left, unary(), op.pos());
        }
        return left;
    }

    private Node unary() {
        TokenKind k = peek().kind();
        if (k == TokenKind.MINUS || k == TokenKind.PLUS) {
            Token op = take();
            enter();
            Node operand = unary();
            depth--;
            return k == TokenKind.MINUS ? new Node.Negate(operand, op.pos()) : operand;
        }
        return primary();
    }

    private Node primary() {
        Token t = take();
        return switch (t.kind()) {
            case NUMBER -> new Node.Num(Double.parseDouble(t.text()), t.pos());
            case STRING -> new Node.Text(t.text(), t.pos());
            case TRUE, FALSE -> new Node.Bool(t.kind() == TokenKind.TRUE, t.pos());
            case IDENT -> peek().kind() == TokenKind.LPAREN ? call(t) : new Node.Ident(t.text(), t.pos());
            case LPAREN -> {
                Node inner = expression();
                expect(TokenKind.RPAREN, "')' to close the parenthesis");
                yield inner;
            }
            default -> throw error(t, "expected a number, a name, quoted text or '(' but found " + describe(t));
        };
    }

    private Node call(Token name) {
        take();
        List<Node> args = new ArrayList<>();
        if (peek().kind() != TokenKind.RPAREN) {
            do {
                if (args.size() == MAX_ARGS) {
                    throw error(peek(), "too many arguments to " + name.text());
                }
                args.add(expression());
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, "',' or ')' in the arguments of " + name.text());
        return new Node.Call(name.text(), args, name.pos());
    }

    private Token peek() {
        return tokens.get(at);
    }

    private TokenKind peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1)).kind();
    }

    private Token take() {
        Token t = tokens.get(at);
        if (t.kind() != TokenKind.EOF) {
            at++;
        }
        return t;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            take();
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind, String what) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + " but found " + describe(t));
        }
        take();
    }

    private RuleException error(Token t, String message) {
        return new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, t.pos(), message);
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "the end of the rule";
            case STRING -> "'" + t.text() + "' (quoted text)";
            case NUMBER, IDENT -> "'" + t.text() + "'";
            default -> "'" + t.text() + "'";
        };
    }
}
