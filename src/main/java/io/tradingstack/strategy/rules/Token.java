package io.tradingstack.strategy.rules;

/** One token: its kind, its text (lower-cased for words) and its offset in the rule. */
record Token(TokenKind kind, String text, int pos) {
}
