package io.tradingstack.ledger;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.Fill;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Instant;

/**
 * Binds the {@link LedgerService} to the bus (post-fill, reserve, close-order, query), publishes
 * {@code ts.ledger.fill-recorded} for every new fill and runs the equity sampler on its timer.
 * Owns no money logic and no SQL.
 */
public final class LedgerVerticle extends VerticleBase {
    private final AppContext ctx;
    private final Pool pool;
    private LedgerService ledger;
    private Lifecycle held;

    public LedgerVerticle(AppContext ctx) {
        this(ctx, null);
    }

    /** With a pool of its own (tests give each ledger a fresh database); null uses the node's pool. */
    public LedgerVerticle(AppContext ctx, Pool pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, LedgerMessages.TYPES);
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            ledger = LedgerService.configured(pool != null ? pool : ctx.pool(), ctx.config(), new BusPriceSource(vertx.eventBus()));
            return ledger.start();
        }).compose(v -> Future.all(
                held.<Fill>consumer(Addresses.LEDGER_POST_FILL, this::postFill),
                held.<ReserveRequest>consumer(Addresses.LEDGER_RESERVE, m -> Replies.reply(m, ledger.reserve(m.body()))),
                held.<CloseOrder>consumer(Addresses.LEDGER_CLOSE_ORDER, m -> Replies.reply(m, ledger.closeOrder(m.body()))),
                held.<LedgerQuery>consumer(Addresses.LEDGER_QUERY, m -> Replies.reply(m, ledger.query(m.body())))
        )).onSuccess(v -> {
            held.health("ledger", this::health);
            scheduleSample();
        });
    }

    private void postFill(Message<Fill> msg) {
        Replies.reply(msg, ledger.postFill(msg.body()).onSuccess(posted -> {
            LedgerMeters.count(ctx.meters().registry(), posted);
            if (!posted.duplicate()) {
                vertx.eventBus().publish(Addresses.LEDGER_FILL_RECORDED, posted.fill());
            }
        }));
    }

    /** The ledger is single-context: the check runs on this verticle's context, whoever asks. */
    private Future<JsonObject> health() {
        return Future.future(p -> context.runOnContext(x -> ledger.health().onComplete(p)));
    }

    private void scheduleSample() {
        long now = System.currentTimeMillis();
        long next = ledger.sampler().nextAt(now);
        held.timer(next - now, id -> ledger.sampler().sample(Instant.ofEpochMilli(next)).onComplete(ar -> scheduleSample()));
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
