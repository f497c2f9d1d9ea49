package io.tradingstack.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Body of {@code ts.ledger.reserve}: orders to record with their holds; with {@code allOrNothing}
 * one rejection rejects the batch and nothing is written.
 */
public record ReserveRequest(List<OrderRequest> orders, boolean allOrNothing) {
    public ReserveRequest {
        Objects.requireNonNull(orders, "orders");
        if (orders.isEmpty() || orders.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("orders must be a non-empty list of orders");
        }
        orders = List.copyOf(orders);
    }
}
