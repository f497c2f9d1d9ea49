package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.Tick;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Deterministic: fills only on signalled touches, through the idempotent fill activity. */
public final class RestingOrderWorkflowImpl implements RestingOrderWorkflow {
    static final int MAX_HISTORY = 1500;
    private final ExecutionActivities act = Workflow.newActivityStub(ExecutionActivities.class, OrderActivityOptions.get());
    private RestingOrder order;
    private final List<Fill> fills = new ArrayList<>();
    private Tick touch;
    private boolean cancelled;
    private OrderStatus status = OrderStatus.OPEN;
    private ErrorCode code;
    private String message;

    @Override
    public OrderResult rest(RestingOrder resting) {
        order = resting;
        fills.addAll(resting.fills());
        status = OrderStatus.afterFills(!fills.isEmpty(), false);
        act.watch(order.orderId(), order.intent(), true);
        int seq = resting.nextSeq();
        while (remaining().signum() > 0 && !cancelled) {
            Workflow.await(() -> cancelled || touch != null);
            if (cancelled) {
                break;
            }
            Tick t = touch;
            touch = null;
            seq = fillOn(t, seq);
            if (Workflow.getInfo().getHistoryLength() > MAX_HISTORY && remaining().signum() > 0 && !cancelled) {
                Workflow.continueAsNew(new RestingOrder(order.orderId(), order.intent(), List.copyOf(fills), seq));
            }
        }
        if (remaining().signum() > 0) {
            act.close(order.orderId(), OrderStatus.CANCELLED);
            status = OrderStatus.CANCELLED;
        } else {
            status = OrderStatus.FILLED;
        }
        act.watch(order.orderId(), order.intent(), false);
        return order();
    }

    private int fillOn(Tick t, int seq) {
        try {
            Fill fill = act.fillLimit(order.orderId(), order.intent(), remaining(), seq, t);
            if (fill == null) {
                return seq;
            }
            act.recordFill(fill);
            fills.add(fill);
            status = OrderStatus.afterFills(true, remaining().signum() == 0);
            return seq + 1;
        } catch (ActivityFailure e) {
            // The ledger refused the fill (funds moved elsewhere): the order cannot complete.
            code = ErrorCode.of(e);
            message = e.getCause().getMessage();
            cancelled = true;
            return seq;
        }
    }

    private BigDecimal remaining() {
        return order.intent().qty().subtract(fills.stream().map(Fill::qty).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Override
    public void touched(Tick tick) {
        touch = tick;
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public OrderResult order() {
        OrderResult r = OrderResult.of(order.orderId(), order.intent(), status, fills);
        return code == null ? r : r.withCode(code, message);
    }
}
