package io.tradingstack.execution;

import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;

import java.util.List;

/** A GTC limit order waiting for the market, with the fills it already has and the next fill sequence. */
public record RestingOrder(String orderId, OrderIntent intent, List<Fill> fills, int nextSeq) {
}
