package io.tradingstack.execution;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.TimeInForce;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Deterministic: every decision is made on activity results. */
public final class PlaceOrderWorkflowImpl implements PlaceOrderWorkflow {
    private final ExecutionActivities act = Workflow.newActivityStub(ExecutionActivities.class, OrderActivityOptions.get());

    @Override
    public List<OrderResult> place(PlaceOrderRequest request) {
        List<Prepared> prepared = act.prepare(request.requestId(), request.intents(), request.allOrNothing());
        List<OrderResult> results = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            results.add(execute(prepared.get(i), request.intents().get(i)));
        }
        return results;
    }

    private OrderResult execute(Prepared p, OrderIntent intent) {
        return switch (p.status()) {
            case REJECTED -> OrderResult.rejected(p.orderId(), intent, p.code(), p.message());
            case DUPLICATE -> OrderResult.duplicate(intent, act.existing(p.orderId(), intent));
            case RECORDED -> act.existing(p.orderId(), intent);
            case ACCEPTED -> intent.type() == OrderType.MARKET ? market(p.orderId(), intent) : limit(p.orderId(), intent);
        };
    }

    private OrderResult market(String orderId, OrderIntent intent) {
        try {
            Fill fill = act.fillMarket(orderId, intent, 1);
            act.recordFill(fill);
            return OrderResult.of(orderId, intent, OrderStatus.FILLED, List.of(fill));
        } catch (ActivityFailure e) {
            act.close(orderId, OrderStatus.CANCELLED);
            return OrderResult.of(orderId, intent, OrderStatus.REJECTED, List.of()).withCode(ErrorCode.of(e), e.getCause().getMessage());
        }
    }

    private OrderResult limit(String orderId, OrderIntent intent) {
        List<Fill> fills = new ArrayList<>();
        Fill first;
        try {
            first = act.fillLimit(orderId, intent, intent.qty(), 1, null);
        } catch (ActivityFailure e) {
            act.close(orderId, OrderStatus.CANCELLED);
            return OrderResult.of(orderId, intent, OrderStatus.REJECTED, List.of()).withCode(ErrorCode.of(e), e.getCause().getMessage());
        }
        if (first != null) {
            act.recordFill(first);
            fills.add(first);
        }
        BigDecimal remaining = intent.qty().subtract(first == null ? BigDecimal.ZERO : first.qty());
        if (remaining.signum() == 0) {
            return OrderResult.of(orderId, intent, OrderStatus.FILLED, fills);
        }
        if (intent.timeInForce() == TimeInForce.IOC) {
            act.close(orderId, OrderStatus.CANCELLED);
            return OrderResult.of(orderId, intent, fills.isEmpty() ? OrderStatus.CANCELLED : OrderStatus.PARTIALLY_FILLED, fills);
        }
        RestingOrderWorkflow child = Workflow.newChildWorkflowStub(RestingOrderWorkflow.class, ChildWorkflowOptions.newBuilder()
                .setWorkflowId(DurableNames.RestingOrder.id(orderId))
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .build());
        Async.function(child::rest, new RestingOrder(orderId, intent, List.copyOf(fills), 2));
        Workflow.getWorkflowExecution(child).get();
        return OrderResult.of(orderId, intent, OrderStatus.afterFills(!fills.isEmpty(), false), fills);
    }

}
