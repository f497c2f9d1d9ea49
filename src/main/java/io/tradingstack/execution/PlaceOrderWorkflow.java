package io.tradingstack.execution;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/**
 * Places one order or a batch: pre-trade checks and holds, paper fills, hand-off of every fill to
 * the ledger workflow. GTC limit orders that do not fill at once continue as a
 * {@link RestingOrderWorkflow} (id {@code order-<orderId>}) and are returned as OPEN or
 * PARTIALLY_FILLED.
 */
@WorkflowInterface
public interface PlaceOrderWorkflow {
    @WorkflowMethod
    List<OrderResult> place(PlaceOrderRequest request);
}
