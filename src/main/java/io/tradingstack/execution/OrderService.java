package io.tradingstack.execution;

import io.tradingstack.bus.DurableNames;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

import java.util.List;

/**
 * The client side of order placement (used by MCP tools and tests): one workflow per request,
 * id {@code place-<requestId>}. Starting a request id that ran before returns the original result
 * instead of placing anything again. Blocking: call it off the event loop.
 */
public final class OrderService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OrderService.class);
    private final WorkflowClient client;
    private final String taskQueue;

    public OrderService(WorkflowClient client, String taskQueue) {
        this.client = client;
        this.taskQueue = taskQueue;
    }

    /** The request id of a single intent: its client order id when it has one. */
    public static String requestIdOf(io.tradingstack.model.OrderIntent intent, String fallback) {
        return intent.clientOrderId() != null ? "coid-" + intent.clientOrderId() : fallback;
    }

    public List<OrderResult> place(PlaceOrderRequest request) {
        String id = DurableNames.PlaceOrder.id(request.requestId());
        PlaceOrderWorkflow wf = client.newWorkflowStub(PlaceOrderWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(taskQueue)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(wf::place, request);
        } catch (WorkflowExecutionAlreadyStarted seen) {
            // same request id: wait for and return the original outcome
        }
        List<OrderResult> results = client.newUntypedWorkflowStub(id).getResult(List.class).stream()
                .map(o -> io.tradingstack.bus.Json.MAPPER.convertValue(o, OrderResult.class)).toList();
        results.forEach(OrderService::log);
        return results;
    }

    /** One INFO line per order outcome; a rejection carries its code, never a stack trace. */
    private static void log(OrderResult r) {
        if (r.rejected()) {
            LOG.info("Order {} {} {} {} {} REJECTED {}: {}", r.orderId(), r.side(), r.qty().toPlainString(), r.symbol(),
                    r.type(), r.code(), r.message());
        } else {
            LOG.info("Order {} {} {} {} {} {} filled {} avg {} fees {}", r.orderId(), r.side(), r.qty().toPlainString(),
                    r.symbol(), r.type(), r.status(), r.filledQty().toPlainString(),
                    r.averagePrice() == null ? "-" : r.averagePrice().toPlainString(), r.fees().toPlainString());
        }
    }

    /** Cancels a resting order; returns false when no such order is resting. */
    public boolean cancel(String orderId) {
        try {
            client.newWorkflowStub(RestingOrderWorkflow.class, DurableNames.RestingOrder.id(orderId)).cancel();
            return true;
        } catch (io.temporal.client.WorkflowNotFoundException gone) {
            return false;
        }
    }

    /** The current state of a resting order. */
    public OrderResult resting(String orderId) {
        return client.newWorkflowStub(RestingOrderWorkflow.class, DurableNames.RestingOrder.id(orderId)).order();
    }

    /** Waits (at most {@code timeout}) for a resting order to finish and returns its final result. */
    public OrderResult awaitResting(String orderId, java.time.Duration timeout) throws java.util.concurrent.TimeoutException {
        WorkflowStub stub = client.newUntypedWorkflowStub(DurableNames.RestingOrder.id(orderId));
        return stub.getResult(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS, OrderResult.class);
    }
}
