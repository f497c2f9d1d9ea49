package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Replies;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Wires the execution component: place and cancel requests go to {@link OrderDesk}, watched resting
 * orders to the {@link RestingOrderWatcher} (which subscribes to their symbols' ticks and signals
 * an order's workflow when the book touches its price). Starts the ledger workflow. Holds no order
 * state that is not also in PostgreSQL (open orders are reloaded on start).
 */
public final class ExecutionVerticle extends VerticleBase {
    /** At most one touch signal per order in this interval: a fill takes a few round trips anyway. */
    private static final long SIGNAL_GAP_MS = 250;
    private static final long LEDGER_LOAD_MS = 60_000;
    private static final long LEDGER_POLL_MS = 100;
    private final AppContext ctx;
    private OrderDesk desk;
    private RestingOrderWatcher watcher;
    private Lifecycle held;

    public ExecutionVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, ExecutionMessages.TYPES);
        Codecs.register(vertx, LedgerMessages.TYPES);
        held = new Lifecycle(vertx, ctx.health());
        watcher = new RestingOrderWatcher(new RestingOrderWatcher.Effects(
                symbol -> held.<Tick>consumer(Addresses.marketTick(symbol), m -> watcher.onTick(m.body())),
                symbol -> vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, symbol).onSuccess(m -> watcher.onTick(m.body())),
                (orderId, tick) -> desk.signalTouched(orderId, tick),
                (delayMs, action) -> held.timer(delayMs, id -> action.run()),
                System::currentTimeMillis), SIGNAL_GAP_MS);
        return ctx.temporal().compose(rt -> {
            desk = new OrderDesk(vertx, rt.client(), ctx.config().taskQueue());
            return desk.ensureLedgerStarted();
        }).compose(v -> Future.all(
                        held.<WatchOrder>consumer(Addresses.EXECUTION_WATCH, m -> m.reply(watcher.apply(m.body()))),
                        held.<JsonObject>consumer(Addresses.EXECUTION_PLACE, m -> Replies.reply(m, desk.place(m.body()))),
                        held.<JsonObject>consumer(Addresses.EXECUTION_CANCEL, m -> Replies.reply(m, desk.cancel(m.body())))))
                .compose(v -> desk.reloadOpenOrders(o -> watcher.add(
                        new RestingOrderWatcher.Watched(o.orderId(), o.symbol(), o.side(), o.limitPrice()))))
                .onSuccess(resumed -> {
                    held.health("execution", () -> Future.succeededFuture(HealthRegistry.up()
                            .put("resumedAtStart", resumed).put("restingOrders", new JsonArray(watcher.resting()))));
                    desk.awaitLedgerLoaded(ctx.starting("ledger-workflow"), System.currentTimeMillis() + LEDGER_LOAD_MS,
                            retry -> held.timer(LEDGER_POLL_MS, id -> retry.run()));
                });
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
