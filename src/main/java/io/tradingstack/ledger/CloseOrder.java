package io.tradingstack.ledger;

import io.tradingstack.model.OrderStatus;

import java.util.Objects;

/** Body of {@code ts.ledger.close-order}: the order to close and the status it closes as (CANCELLED or FILLED). */
public record CloseOrder(String orderId, OrderStatus status) {
    public CloseOrder {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("orderId is required");
        }
        Objects.requireNonNull(status, "status");
    }

    /** Reply of {@code ts.ledger.close-order}: the final status (a closed order keeps its own; null: no such order). */
    public record Closed(String orderId, OrderStatus status) {
    }
}
