package io.tradingstack.model;

/** Market orders fill at the book (plus slippage); limit orders rest until touched. */
public enum OrderType {
    MARKET, LIMIT
}
