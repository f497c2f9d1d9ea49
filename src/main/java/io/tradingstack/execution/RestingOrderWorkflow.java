package io.tradingstack.execution;

import io.tradingstack.bus.DurableNames;
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
    @WorkflowMethod(name = DurableNames.RestingOrder.TYPE)
    OrderResult rest(RestingOrder order);

    @SignalMethod(name = DurableNames.RestingOrder.TOUCHED)
    void touched(Tick tick);

    @SignalMethod(name = DurableNames.RestingOrder.CANCEL)
    void cancel();

    @QueryMethod(name = DurableNames.RestingOrder.GET_ORDER)
    OrderResult order();
}
