package io.tradingstack.strategy.rules;

import io.tradingstack.bus.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a rule into tokens. Bounded: at most {@link #MAX_CHARS} characters and
 * {@link #MAX_TOKENS} tokens; every refusal is a {@link RuleException} with the offset.
 */
final class Lexer {
    static final int MAX_CHARS = 2000;
    static final int MAX_TOKENS = 400;
    static final int MAX_WORD = 64;
    static final int MAX_NUMBER = 32;
    private static final Map<String, TokenKind> KEYWORDS = Map.of("and", TokenKind.AND, "or", TokenKind.OR,
            "not", TokenKind.NOT, "in", TokenKind.IN, "between", TokenKind.BETWEEN,
            "crosses_above", TokenKind.CROSSES_ABOVE, "crosses_below", TokenKind.CROSSES_BELOW,
            "true", TokenKind.TRUE, "false", TokenKind.FALSE);

    private final String src;
    private final List<Token> out = new ArrayList<>();
    private int i;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) {
        if (src == null || src.isBlank()) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, 0, "empty rule");
        }
        if (src.length() > MAX_CHARS) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_TOO_LARGE, MAX_CHARS,
                    "rule has " + src.length() + " characters; at most " + MAX_CHARS + " are accepted");
        }
        return new Lexer(src).run();
    }

    private List<Token> run() {
        while (true) {
            while (i < src.length() && Character.isWhitespace(src.charAt(i))) {
                i++;
            }
            if (i >= src.length()) {
                out.add(new Token(TokenKind.EOF, "", i));
                return out;
            }
            if (out.size() >= MAX_TOKENS) {
                throw new RuleException(ErrorCode.STRATEGY_RULE_TOO_LARGE, i, "rule has more than " + MAX_TOKENS + " tokens");
            }
            out.add(next());
        }
    }

    private Token next() {
        char c = src.charAt(i);
        if (Character.isDigit(c) || c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1))) {
            return number();
        }
        if (c == '_' || isAsciiLetter(c)) {
            return word();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        return symbol(c);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private Token number() {
        int start = i;
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
        }
        if (i < src.length() && src.charAt(i) == '.') {
            i++;
            digits(start, "a digit after the decimal point");
        }
        if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            i++;
            if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                i++;
            }
            digits(start, "digits in the exponent");
        }
        if (i < src.length() && (src.charAt(i) == '_' || isAsciiLetter(src.charAt(i)))) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, start,
                    "a name cannot start with a digit ('" + snippet(start) + "')");
        }
        String text = src.substring(start, i);
        if (text.length() > MAX_NUMBER) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_TOO_LARGE, start, "number longer than " + MAX_NUMBER + " characters");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, start, "number " + text + " is out of range");
        }
        return new Token(TokenKind.NUMBER, text, start);
    }

    private void digits(int start, String what) {
        int from = i;
        while (i < src.length() && Character.isDigit(src.charAt(i))) {
            i++;
        }
        if (i == from) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, start, "malformed number '" + snippet(start) + "': expected " + what);
        }
    }

    private Token word() {
        int start = i;
        while (i < src.length() && (src.charAt(i) == '_' || isAsciiLetter(src.charAt(i)) || Character.isDigit(src.charAt(i)))) {
            i++;
        }
        if (i - start > MAX_WORD) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_TOO_LARGE, start, "name longer than " + MAX_WORD + " characters");
        }
        String text = src.substring(start, i).toLowerCase(Locale.ROOT);
        return new Token(KEYWORDS.getOrDefault(text, TokenKind.IDENT), text, start);
    }

    private Token string(char quote) {
        int start = i++;
        while (i < src.length() && src.charAt(i) != quote) {
            if (i - start > MAX_WORD) {
                throw new RuleException(ErrorCode.STRATEGY_RULE_TOO_LARGE, start, "text longer than " + MAX_WORD + " characters");
            }
            i++;
        }
        if (i >= src.length()) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, start, "text starting here has no closing " + quote);
        }
        i++;
        return new Token(TokenKind.STRING, src.substring(start + 1, i - 1), start);
    }

    private Token symbol(char c) {
        int start = i;
        char n = i + 1 < src.length() ? src.charAt(i + 1) : '\0';
        TokenKind two = switch ("" + c + n) {
            case "<=" -> TokenKind.LE;
            case ">=" -> TokenKind.GE;
            case "==" -> TokenKind.EQ;
            case "!=" -> TokenKind.NE;
            case "&&", "||" -> throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, start,
                    "'" + c + n + "' is not an operator here; write " + (c == '&' ? "and" : "or"));
            default -> null;
        };
        if (two != null) {
            i += 2;
            return new Token(two, "" + c + n, start);
        }
        TokenKind one = switch (c) {
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '<' -> TokenKind.LT;
            case '>' -> TokenKind.GT;
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case ',' -> TokenKind.COMMA;
            default -> null;
        };
        if (one == null) {
            throw new RuleException(ErrorCode.STRATEGY_RULE_SYNTAX, start, unexpected(c));
        }
        i++;
        return new Token(one, String.valueOf(c), start);
    }

    private static String unexpected(char c) {
        return switch (c) {
            case '=' -> "'=' is not an operator; write == to compare";
            case '!' -> "'!' is not an operator; write not, or != to compare";
            case '&', '|' -> "'" + c + "' is not an operator; write and / or";
            default -> "unexpected character " + (c >= 32 && c < 127 ? "'" + c + "'" : String.format("U+%04X", (int) c));
        };
    }

    private String snippet(int start) {
        int end = Math.min(src.length(), Math.max(i, start + 1) + 4);
        return src.substring(start, end);
    }
}
