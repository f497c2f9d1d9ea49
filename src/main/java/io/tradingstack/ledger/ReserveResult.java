package io.tradingstack.ledger;

/**
 * The ledger's answer to one {@link OrderRequest}: ACCEPTED (order recorded, funds held),
 * DUPLICATE (the client order id exists; {@code orderId} is the original order) or REJECTED
 * (nothing written; {@code code} is an {@link io.tradingstack.bus.ErrorCode} name).
 */
public record ReserveResult(String orderId, String status, String code, String message) {
    public static final String ACCEPTED = "ACCEPTED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";

    public boolean accepted() {
        return ACCEPTED.equals(status);
    }
}
