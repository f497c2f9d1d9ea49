package io.tradingstack.web;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.AppContext;
import io.temporal.client.WorkflowClient;
import io.vertx.core.Future;

import java.util.function.Function;

/**
 * The dashboard's door to Temporal for what only a workflow can do (cancel a resting order, start or
 * follow a backtest): the node's client when this node has one (the worker role), else
 * WEB_NOT_AVAILABLE. The client blocks, so calls run on worker threads, never on the event loop.
 */
final class TemporalAccess {
    private final AppContext ctx;

    TemporalAccess(AppContext ctx) {
        this.ctx = ctx;
    }

    <T> Future<T> call(Function<WorkflowClient, T> action) {
        if (!ctx.temporal().succeeded()) {
            return Future.failedFuture(new CodedException(ErrorCode.WEB_NOT_AVAILABLE,
                    "no Temporal client on this node: open the dashboard of a node with the worker role"));
        }
        WorkflowClient client = ctx.temporal().result().client();
        return ctx.vertx().executeBlocking(() -> action.apply(client), false).recover(err -> Future.failedFuture(
                err instanceof CodedException ? err : new CodedException(err instanceof io.grpc.StatusRuntimeException
                        ? ErrorCode.TEMPORAL_UNAVAILABLE : ErrorCode.of(err), String.valueOf(err.getMessage()))));
    }

    String taskQueue() {
        return ctx.config().taskQueue();
    }
}
