package io.tradingstack.durable;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.Lifecycle;
import io.tradingstack.runtime.SqlFailures;
import io.tradingstack.runtime.WorkflowState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;

/**
 * Binds the {@link WorkflowStateStore} to the bus for the activities of stateful workflows
 * (PostgreSQL is the source of truth; the embedded Temporal service forgets on restart).
 */
public final class WorkflowStateVerticle extends VerticleBase {
    private final AppContext ctx;
    private WorkflowStateStore store;
    private Lifecycle held;

    public WorkflowStateVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, WorkflowState.MESSAGES);
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            store = new WorkflowStateStore(ctx.pool());
            return Future.all(
                    held.<WorkflowState.Load>consumer(Addresses.STATE_LOAD, this::load),
                    held.<WorkflowState>consumer(Addresses.STATE_SAVE, this::save),
                    held.<WorkflowState.ListRequest>consumer(Addresses.STATE_LIST, this::list));
        });
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }

    private void load(Message<WorkflowState.Load> msg) {
        store.load(msg.body().workflowId()).onComplete(ar -> {
            if (ar.failed()) {
                Replies.fail(msg, storage(ar.cause()));
            } else {
                msg.reply(new WorkflowState.Loaded(ar.result()));
            }
        });
    }

    private void list(Message<WorkflowState.ListRequest> msg) {
        store.list(msg.body().workflowType(), msg.body().limit()).onComplete(ar -> {
            if (ar.failed()) {
                Replies.fail(msg, storage(ar.cause()));
            } else {
                msg.reply(new WorkflowState.Listed(ar.result()));
            }
        });
    }

    private void save(Message<WorkflowState> msg) {
        store.save(msg.body()).onComplete(ar -> {
            if (ar.failed()) {
                Replies.fail(msg, storage(ar.cause()));
            } else {
                msg.reply(new WorkflowState.Saved(ar.result()));
            }
        });
    }

    /** The database unavailable is STATE_STORAGE (retried by the activity); a bug of ours is INTERNAL (not retried). */
    private static CodedException storage(Throwable error) {
        return new CodedException(SqlFailures.isBug(error) ? ErrorCode.INTERNAL : ErrorCode.STATE_STORAGE,
                String.valueOf(error.getMessage()));
    }
}
