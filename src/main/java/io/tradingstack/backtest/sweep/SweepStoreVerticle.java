package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.Lifecycle;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;

/** Binds the {@link SweepStore} to the bus for the sweep workflow's store activity and get_sweep_result. */
public final class SweepStoreVerticle extends VerticleBase {
    private final AppContext ctx;
    private SweepStore store;
    private Lifecycle held;

    public SweepStoreVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, SweepMessages.TYPES);
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            store = new SweepStore(ctx.pool());
            return Future.all(held.<SweepMessages.Save>consumer(Addresses.SWEEP_SAVE, this::save),
                    held.<SweepMessages.Load>consumer(Addresses.SWEEP_LOAD, this::load),
                    held.<SweepMessages.ListSweeps>consumer(Addresses.SWEEP_LIST, msg -> store.list(msg.body().limit())
                            .onSuccess(list -> msg.reply(new SweepMessages.Listed(list)))
                            .onFailure(e -> Replies.fail(msg, storage(e)))));
        });
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }

    private void save(Message<SweepMessages.Save> msg) {
        store.save(msg.body()).onComplete(ar -> {
            if (ar.failed()) {
                Replies.fail(msg, storage(ar.cause()));
            } else {
                msg.reply(new SweepMessages.Saved(ar.result()));
            }
        });
    }

    private void load(Message<SweepMessages.Load> msg) {
        store.load(msg.body().sweepId()).onComplete(ar -> {
            if (ar.failed()) {
                Replies.fail(msg, storage(ar.cause()));
            } else {
                msg.reply(new SweepMessages.Loaded(ar.result()));
            }
        });
    }

    /** The database unavailable is STATE_STORAGE (retried by the activity); a bug of ours is INTERNAL (not retried). */
    private static CodedException storage(Throwable error) {
        return new CodedException(SqlFailures.isBug(error) ? ErrorCode.INTERNAL : ErrorCode.STATE_STORAGE,
                String.valueOf(error.getMessage()));
    }
}
