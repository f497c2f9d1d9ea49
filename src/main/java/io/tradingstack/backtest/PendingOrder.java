package io.tradingstack.backtest;

import io.tradingstack.model.Side;

import java.math.BigDecimal;

/** An approved order waiting for the next bar of its symbol that opens at or after {@code decidedAt}. */
record PendingOrder(String orderId, int symbol, Side side, BigDecimal qty, long decidedAt, boolean exit) {
}
