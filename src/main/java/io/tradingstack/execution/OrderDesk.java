package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.ledger.ExecutionLedgerWorkflow;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.StoredOrder;
import io.tradingstack.model.Fill;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The execution component's requests to Temporal, off the event loop: placing and cancelling
 * orders through {@link OrderService}, resuming the resting orders a previous process left open,
 * and waiting (bounded) for the ledger workflow to load its snapshot.
 */
final class OrderDesk {
    private static final Logger LOG = LoggerFactory.getLogger(OrderDesk.class);
    private final Vertx vertx;
    private final WorkflowClient client;
    private final String taskQueue;

    OrderDesk(Vertx vertx, WorkflowClient client, String taskQueue) {
        this.vertx = vertx;
        this.client = client;
        this.taskQueue = taskQueue;
    }

    /** Places one intent or {@code {intents, requestId?, allOrNothing?}}; answers {requestId, results}. */
    Future<JsonObject> place(JsonObject body) {
        PlaceOrderRequest request;
        try {
            request = IntentParser.request(body, UUID.randomUUID().toString());
        } catch (CodedException e) {
            return Future.failedFuture(e);
        }
        return temporal(() -> new OrderService(client, taskQueue).place(request))
                .map(results -> new JsonObject().put("requestId", request.requestId())
                        .put("results", new JsonArray(results.stream().map(Json::toJsonObject).toList())));
    }

    Future<JsonObject> cancel(JsonObject body) {
        String orderId = body.getString("orderId", body.getString("order_id"));
        return temporal(() -> new OrderService(client, taskQueue).cancel(orderId)).compose(ok -> ok
                ? Future.succeededFuture(new JsonObject().put("orderId", orderId).put("cancelled", true))
                : Future.failedFuture(new CodedException(ErrorCode.ORDER_NOT_CANCELLABLE, "order " + orderId + " is not resting")));
    }

    void signalTouched(String orderId, io.tradingstack.model.Tick tick) {
        vertx.executeBlocking(() -> {
            client.newWorkflowStub(RestingOrderWorkflow.class, DurableNames.RestingOrder.id(orderId)).touched(tick);
            return null;
        }, false).onFailure(e -> LOG.debug("touch of {} not signalled: {}", orderId, e.getMessage()));
    }

    Future<Void> ensureLedgerStarted() {
        return vertx.executeBlocking(() -> {
            ExecutionLedgerWorkflow.ensureStarted(client, taskQueue);
            return null;
        }, false);
    }

    /**
     * The ledger workflow answers queries from a snapshot it loads from PostgreSQL when it starts;
     * until then it answers NOT_READY, and so does the node (bounded: after the limit the node stays
     * not ready and says why in /health).
     */
    void awaitLedgerLoaded(Runnable done, long deadline, Consumer<Runnable> retryLater) {
        String id = DurableNames.Ledger.id(taskQueue);
        vertx.executeBlocking(() -> client.newWorkflowStub(ExecutionLedgerWorkflow.class, id).loaded(), false)
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result()) {
                        done.run();
                    } else if (System.currentTimeMillis() < deadline) {
                        retryLater.accept(() -> awaitLedgerLoaded(done, deadline, retryLater));
                    } else {
                        LOG.error("ledger workflow {} did not load its snapshot in time: {}", id,
                                ar.failed() ? ar.cause().getMessage() : "still loading");
                    }
                });
    }

    /** Watches every open limit order again and resumes its workflow; completes with how many were resumed. */
    Future<Integer> reloadOpenOrders(Consumer<StoredOrder> watch) {
        return vertx.eventBus().<StoredOrder.Open>request(Addresses.LEDGER_QUERY, LedgerQuery.of(LedgerQuery.Kind.OPEN_ORDERS))
                .compose(m -> {
                    List<Future<Boolean>> resumed = new ArrayList<>();
                    for (StoredOrder o : m.body().orders()) {
                        watch.accept(o);
                        resumed.add(resume(o.orderId()));
                    }
                    return Future.join(resumed).transform(ar -> Future.succeededFuture(
                            (int) resumed.stream().filter(f -> Boolean.TRUE.equals(f.result())).count()));
                })
                .recover(e -> {
                    LOG.warn("open orders not reloaded: {}", e.getMessage());
                    return Future.succeededFuture(0);
                });
    }

    /**
     * An open order whose workflow is gone (an embedded Temporal does not survive a restart) gets a
     * new resting workflow carrying its fills from PostgreSQL; a running one is left alone.
     */
    private Future<Boolean> resume(String orderId) {
        return vertx.eventBus().<StoredOrder>request(Addresses.LEDGER_QUERY, LedgerQuery.order(orderId))
                .compose(m -> vertx.executeBlocking(() -> {
                    StoredOrder o = m.body();
                    RestingOrderWorkflow wf = client.newWorkflowStub(RestingOrderWorkflow.class, WorkflowOptions.newBuilder()
                            .setTaskQueue(taskQueue).setWorkflowId(DurableNames.RestingOrder.id(orderId)).build());
                    try {
                        WorkflowClient.start(wf::rest, new RestingOrder(orderId, o.intent(), o.fills(), nextSeq(orderId, o.fills())));
                        LOG.info("Recovery: resting order {} resumed ({} fill(s) so far)", orderId, o.fills().size());
                        return true;
                    } catch (WorkflowExecutionAlreadyStarted running) {
                        return false;
                    }
                }, false))
                .onFailure(e -> LOG.warn("order {} not resumed: {}", orderId, e.getMessage()));
    }

    /** Fill ids are {@code <orderId>-<n>}: continue after the highest n so no id is reused. */
    static int nextSeq(String orderId, List<Fill> fills) {
        int max = 1;
        for (Fill f : fills) {
            max = Math.max(max, Integer.parseInt(f.fillId().substring(orderId.length() + 1)));
        }
        return max + 1;
    }

    /** A Temporal call off the event loop; a failure of the service itself is TEMPORAL_UNAVAILABLE. */
    private <T> Future<T> temporal(java.util.concurrent.Callable<T> call) {
        return vertx.executeBlocking(call, false).recover(e ->
                Future.failedFuture(new CodedException(ErrorCode.TEMPORAL_UNAVAILABLE, String.valueOf(e.getMessage()))));
    }
}
