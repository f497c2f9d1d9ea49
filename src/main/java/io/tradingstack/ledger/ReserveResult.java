package io.tradingstack.ledger;

/**
 * The ledger's answer to one {@link OrderRequest}: ACCEPTED (order recorded, funds held),
 * DUPLICATE (the client order id exists; {@code orderId} is the original order), RECORDED (this
 * very request was recorded before and its order is closed, e.g. by recovery after a crash: its
 * outcome is final and is returned, nothing runs again) or REJECTED (nothing written; {@code code}
 * is an {@link io.tradingstack.bus.ErrorCode} name).
 */
public record ReserveResult(String orderId, String status, String code, String message) {
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";
    public static final String RECORDED = "RECORDED";

    public boolean accepted() {
        return ACCEPTED.equals(status);
    }
}
