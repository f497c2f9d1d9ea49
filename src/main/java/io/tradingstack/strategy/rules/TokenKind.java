package io.tradingstack.strategy.rules;

/** The tokens of the rule language; keywords are case-insensitive words. */
enum TokenKind {
    NUMBER, STRING, IDENT,
    AND, OR, NOT, IN, BETWEEN, CROSSES_ABOVE, CROSSES_BELOW, TRUE, FALSE,
    PLUS, MINUS, STAR, SLASH, LT, LE, GT, GE, EQ, NE,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, EOF
}
