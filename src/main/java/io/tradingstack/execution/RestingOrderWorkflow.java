package io.tradingstack.execution;

import io.tradingstack.model.Tick;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A GTC limit order resting until the market touches it, possibly filling in parts, until it is
 * filled or cancelled. The execution verticle signals {@code touched} (ticks stay out of history
 * except the few that fill an order).
 */
@WorkflowInterface
public interface RestingOrderWorkflow {
    static String workflowId(String orderId) {
        return "order-" + orderId;
    }

    @WorkflowMethod
    OrderResult rest(RestingOrder order);

    @SignalMethod(name = "touched")
    void touched(Tick tick);

    @SignalMethod(name = "cancel")
    void cancel();

    @QueryMethod(name = "get_order")
    OrderResult order();
}
