package io.tradingstack.execution;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/**
 * Places one order or a batch: pre-trade checks and holds, paper fills, hand-off of every fill to
 * the ledger workflow. GTC limit orders that do not fill at once continue as a
 * {@link RestingOrderWorkflow} (id {@link DurableNames.RestingOrder#id}) and are returned as OPEN or
 * PARTIALLY_FILLED.
 */
@WorkflowInterface
public interface PlaceOrderWorkflow {
    @WorkflowMethod(name = DurableNames.PlaceOrder.TYPE)
    List<OrderResult> place(PlaceOrderRequest request);
}
