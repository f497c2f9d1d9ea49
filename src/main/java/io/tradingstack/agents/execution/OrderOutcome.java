package io.tradingstack.agents.execution;

import io.tradingstack.bus.Doc;

/**
 * What became of one intent: the order id, its status, and the risk gate's (or the ledger's)
 * code and message when it was refused. {@code duplicate}: the client_order_id was placed before,
 * this is the original order's result (a retried or replayed decision).
 */
public record OrderOutcome(@Doc(value = "the decision's client_order_id", nullable = true) String clientOrderId,
                           @Doc(value = "order id; null when none was placed", nullable = true) String orderId,
                           @Doc(value = "order status, e.g. FILLED or REJECTED", nullable = true) String status,
                           @Doc(value = "error code of a refusal; null otherwise", nullable = true) String code,
                           @Doc(value = "why it was refused; null otherwise", nullable = true) String message,
                           @Doc("the client_order_id was placed before: the original order's result") boolean duplicate) {

    public boolean rejected() {
        return "REJECTED".equals(status);
    }
}
