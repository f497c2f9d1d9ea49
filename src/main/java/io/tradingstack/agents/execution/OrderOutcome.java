package io.tradingstack.agents.execution;

/**
 * What became of one intent: the order id, its status, and the risk gate's (or the ledger's)
 * code and message when it was refused. {@code duplicate}: the client_order_id was placed before,
 * this is the original order's result (a retried or replayed decision).
 */
public record OrderOutcome(String clientOrderId, String orderId, String status, String code, String message, boolean duplicate) {

    public boolean rejected() {
        return "REJECTED".equals(status);
    }
}
