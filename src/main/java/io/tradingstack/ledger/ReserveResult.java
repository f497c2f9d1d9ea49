package io.tradingstack.ledger;

import io.tradingstack.bus.ErrorCode;

/**
 * The ledger's answer to one {@link OrderRequest}: ACCEPTED (order recorded, funds held),
 * DUPLICATE (the client order id exists; {@code orderId} is the original order), RECORDED (this
 * very request was recorded before and its order is closed, e.g. by recovery after a crash: its
 * outcome is final and is returned, nothing runs again) or REJECTED (nothing written; with its code).
 */
public record ReserveResult(String orderId, Outcome status, ErrorCode code, String message) {

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        RECORDED,
        REJECTED
    }

    public boolean accepted() {
        return status == Outcome.ACCEPTED;
    }

    public boolean rejected() {
        return status == Outcome.REJECTED;
    }
}
