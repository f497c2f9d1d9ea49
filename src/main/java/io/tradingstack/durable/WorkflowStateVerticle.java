package io.tradingstack.durable;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.runtime.AppContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * Binds the {@link WorkflowStateStore} to the bus for the activities of stateful workflows
 * (PostgreSQL is the source of truth; the embedded Temporal service forgets on restart).
 */
public final class WorkflowStateVerticle extends VerticleBase {
    private final AppContext ctx;
    private WorkflowStateStore store;

    public WorkflowStateVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        return ctx.postgres().compose(pg -> {
            store = new WorkflowStateStore(ctx.pool());
            return Future.all(
                    vertx.eventBus().<JsonObject>consumer(Addresses.STATE_LOAD, this::load).completion(),
                    vertx.eventBus().<JsonObject>consumer(Addresses.STATE_SAVE, this::save).completion());
        });
    }

    private void load(Message<JsonObject> msg) {
        String id = msg.body() == null ? null : msg.body().getString("workflowId");
        if (id == null) {
            Replies.fail(msg, ErrorCode.BUS_BAD_MESSAGE, "workflowId is required");
            return;
        }
        store.load(id).onComplete(ar -> {
            if (ar.failed()) {
                Replies.fail(msg, new CodedException(ErrorCode.STATE_STORAGE, String.valueOf(ar.cause().getMessage())));
            } else {
                msg.reply(ar.result() == null ? new JsonObject() : ar.result());
            }
        });
    }

    private void save(Message<JsonObject> msg) {
        JsonObject b = msg.body();
        if (b == null || b.getString("workflowId") == null || b.getJsonObject("state") == null || b.getLong("revision") == null) {
            Replies.fail(msg, ErrorCode.BUS_BAD_MESSAGE, "expected {workflowId, workflowType, revision, state}");
            return;
        }
        store.save(b.getString("workflowId"), b.getString("workflowType", ""), b.getLong("revision"), b.getJsonObject("state"))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        Replies.fail(msg, new CodedException(ErrorCode.STATE_STORAGE, String.valueOf(ar.cause().getMessage())));
                    } else {
                        msg.reply(new JsonObject().put("written", ar.result()));
                    }
                });
    }
}
