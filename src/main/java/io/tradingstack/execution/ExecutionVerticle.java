package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.bus.Json;
import io.tradingstack.ledger.ExecutionLedgerWorkflow;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.StoredOrder;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.temporal.client.WorkflowClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches resting limit orders: subscribes to the ticks of their symbols and signals the order's
 * workflow when the book touches its price. Starts the ledger workflow. Holds no order state that
 * is not also in PostgreSQL (open orders are reloaded on start).
 */
public final class ExecutionVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionVerticle.class);
    /** At most one touch signal per order in this interval: a fill takes a few round trips anyway. */
    private static final long SIGNAL_GAP_MS = 250;
    private static final long LEDGER_LOAD_MS = 60_000;
    private static final long LEDGER_POLL_MS = 100;
    private final AppContext ctx;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<String, MessageConsumer<Tick>> tickConsumers = new HashMap<>();
    private final Map<String, Long> lastSignal = new HashMap<>();
    private final Map<String, Tick> latest = new HashMap<>();
    private final java.util.Set<String> deferred = new java.util.HashSet<>();
    private WorkflowClient client;

    private record Watched(String orderId, String symbol, Side side, BigDecimal limit) {
    }

    public ExecutionVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, ExecutionMessages.TYPES);
        Codecs.register(vertx, LedgerMessages.TYPES);
        return ctx.temporal().compose(rt -> {
            client = rt.client();
            return vertx.executeBlocking(() -> {
                ExecutionLedgerWorkflow.ensureStarted(client, ctx.config().taskQueue());
                return null;
            }, false);
        }).compose(v -> Future.all(
                        vertx.eventBus().<WatchOrder>consumer(Addresses.EXECUTION_WATCH, this::watch).completion(),
                        vertx.eventBus().<JsonObject>consumer(Addresses.EXECUTION_PLACE, this::place).completion(),
                        vertx.eventBus().<JsonObject>consumer(Addresses.EXECUTION_CANCEL, this::cancel).completion()))
                .compose(v -> reloadOpenOrders())
                .onSuccess(resumed -> {
                    ctx.health().register("execution", () -> Future.succeededFuture(HealthRegistry.up()
                            .put("resumedAtStart", resumed)
                            .put("restingOrders", new JsonArray(watched.keySet().stream().sorted().toList()))));
                    awaitLedgerLoaded(ctx.starting("ledger-workflow"), System.currentTimeMillis() + LEDGER_LOAD_MS);
                });
    }

    /**
     * The ledger workflow answers queries from a snapshot it loads from PostgreSQL when it starts;
     * until then it answers NOT_READY, and so does the node (bounded: after the limit the node stays
     * not ready and says why in /health).
     */
    private void awaitLedgerLoaded(Runnable done, long deadline) {
        String id = DurableNames.Ledger.id(ctx.config().taskQueue());
        vertx.executeBlocking(() -> client.newWorkflowStub(ExecutionLedgerWorkflow.class, id).loaded(), false)
                .onSuccess(loaded -> {
                    if (loaded) {
                        done.run();
                    } else {
                        retryLedgerLoaded(done, deadline, "still loading");
                    }
                })
                .onFailure(e -> retryLedgerLoaded(done, deadline, String.valueOf(e.getMessage())));
    }

    private void retryLedgerLoaded(Runnable done, long deadline, String why) {
        String id = DurableNames.Ledger.id(ctx.config().taskQueue());
        if (System.currentTimeMillis() < deadline) {
            vertx.setTimer(LEDGER_POLL_MS, t -> awaitLedgerLoaded(done, deadline));
        } else {
            LOG.error("ledger workflow {} did not load its snapshot within {} s: {}", id, LEDGER_LOAD_MS / 1000, why);
        }
    }

    /** Places orders through {@link OrderService}: body is one intent or {@code {intents, requestId?, allOrNothing?}}. */
    private void place(Message<JsonObject> msg) {
        PlaceOrderRequest request;
        try {
            request = IntentParser.request(msg.body(), java.util.UUID.randomUUID().toString());
        } catch (io.tradingstack.bus.CodedException e) {
            Replies.fail(msg, e);
            return;
        }
        vertx.executeBlocking(() -> new OrderService(client, ctx.config().taskQueue()).place(request), false)
                .onSuccess(results -> msg.reply(new JsonObject().put("requestId", request.requestId())
                        .put("results", new JsonArray(results.stream().map(Json::toJsonObject).toList()))))
                .onFailure(e -> Replies.fail(msg, ErrorCode.TEMPORAL_UNAVAILABLE, String.valueOf(e.getMessage())));
    }

    private void cancel(Message<JsonObject> msg) {
        String orderId = msg.body().getString("orderId", msg.body().getString("order_id"));
        vertx.executeBlocking(() -> new OrderService(client, ctx.config().taskQueue()).cancel(orderId), false)
                .onSuccess(ok -> {
                    if (ok) {
                        msg.reply(new JsonObject().put("orderId", orderId).put("cancelled", true));
                    } else {
                        Replies.fail(msg, ErrorCode.ORDER_NOT_CANCELLABLE, "order " + orderId + " is not resting");
                    }
                })
                .onFailure(e -> Replies.fail(msg, ErrorCode.TEMPORAL_UNAVAILABLE, String.valueOf(e.getMessage())));
    }

    /** Watches every open limit order again and resumes its workflow; completes with how many were resumed. */
    private Future<Integer> reloadOpenOrders() {
        return vertx.eventBus().<StoredOrder.Open>request(Addresses.LEDGER_QUERY, LedgerQuery.of(LedgerQuery.Kind.OPEN_ORDERS))
                .compose(m -> {
                    List<Future<Boolean>> resumed = new java.util.ArrayList<>();
                    for (StoredOrder o : m.body().orders()) {
                        add(new Watched(o.orderId(), o.symbol(), o.side(), o.limitPrice()));
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
                    List<io.tradingstack.model.Fill> fills = o.fills();
                    RestingOrderWorkflow wf = client.newWorkflowStub(RestingOrderWorkflow.class,
                            io.temporal.client.WorkflowOptions.newBuilder().setTaskQueue(ctx.config().taskQueue())
                                    .setWorkflowId(DurableNames.RestingOrder.id(orderId)).build());
                    try {
                        WorkflowClient.start(wf::rest, new RestingOrder(orderId, o.intent(), fills,
                                nextSeq(orderId, fills)));
                        LOG.info("Recovery: resting order {} resumed ({} fill(s) so far)", orderId, fills.size());
                        return true;
                    } catch (io.temporal.client.WorkflowExecutionAlreadyStarted running) {
                        return false;
                    }
                }, false))
                .onFailure(e -> LOG.warn("order {} not resumed: {}", orderId, e.getMessage()));
    }

    /** Fill ids are {@code <orderId>-<n>}: continue after the highest n so no id is reused. */
    static int nextSeq(String orderId, List<io.tradingstack.model.Fill> fills) {
        int max = 1;
        for (io.tradingstack.model.Fill f : fills) {
            String tail = f.fillId().substring(orderId.length() + 1);
            max = Math.max(max, Integer.parseInt(tail));
        }
        return max + 1;
    }

    private void watch(Message<WatchOrder> msg) {
        WatchOrder b = msg.body();
        Watched w = new Watched(b.orderId(), b.symbol(), b.side(), b.limitPrice());
        if (b.watch()) {
            add(w);
        } else {
            watched.remove(w.orderId());
            lastSignal.remove(w.orderId());
        }
        msg.reply(watched.size());
    }

    /** Watches an order and checks it at once: the market may have touched it while it was being placed. */
    private void add(Watched w) {
        watched.put(w.orderId(), w);
        tickConsumers.computeIfAbsent(w.symbol(), s -> vertx.eventBus().consumer(Addresses.marketTick(s), m -> onTick(m.body())));
        vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, w.symbol()).onSuccess(m -> onTick(m.body()));
    }

    private void onTick(Tick tick) {
        latest.put(tick.symbol(), tick);
        for (Watched w : watched.values()) {
            if (w.symbol().equals(tick.symbol()) && PaperFillModel.touches(w.side(), w.limit(), tick.bid(), tick.ask())) {
                signalSoon(w);
            }
        }
    }

    /** Signals a touch now, or once the gap has passed (with the latest tick then) if one was just sent. */
    private void signalSoon(Watched w) {
        long wait = lastSignal.getOrDefault(w.orderId(), 0L) + SIGNAL_GAP_MS - System.currentTimeMillis();
        if (wait > 0) {
            if (deferred.add(w.orderId())) {
                vertx.setTimer(wait, id -> {
                    deferred.remove(w.orderId());
                    Tick t = latest.get(w.symbol());
                    if (watched.containsKey(w.orderId()) && PaperFillModel.touches(w.side(), w.limit(), t.bid(), t.ask())) {
                        signalSoon(w);
                    }
                });
            }
            return;
        }
        lastSignal.put(w.orderId(), System.currentTimeMillis());
        Tick tick = latest.get(w.symbol());
        vertx.executeBlocking(() -> {
            client.newWorkflowStub(RestingOrderWorkflow.class, DurableNames.RestingOrder.id(w.orderId())).touched(tick);
            return null;
        }, false).onFailure(e -> LOG.debug("touch of {} not signalled: {}", w.orderId(), e.getMessage()));
    }
}
