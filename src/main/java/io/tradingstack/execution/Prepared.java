package io.tradingstack.execution;

import io.tradingstack.model.Tick;

/** The pre-trade verdict for one intent: ACCEPTED, DUPLICATE or REJECTED (with code), and the tick it was checked at. */
public record Prepared(String orderId, String status, String code, String message, Tick tick) {
}
