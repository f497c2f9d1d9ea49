package io.tradingstack.execution;

import io.tradingstack.model.OrderIntent;

import java.util.List;

/**
 * One order or a batch. {@code requestId} names the request (the workflow id is derived from it);
 * with {@code allOrNothing} a single rejected intent rejects the whole batch and nothing is written.
 */
public record PlaceOrderRequest(String requestId, List<OrderIntent> intents, boolean allOrNothing) {
}
