package io.tradingstack.model;

/** Whether a fill took liquidity (taker fee) or rested on the book (maker fee). */
public enum Liquidity {
    TAKER, MAKER
}
