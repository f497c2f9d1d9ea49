package io.tradingstack.runtime;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a verticle takes in {@code start()} and gives back in {@code stop()}: bus consumers, timers,
 * health checks and anything else with a release action. A verticle registers through this and its
 * {@code stop()} returns {@link #release()}, so nothing it took outlives it (a test deploys and
 * undeploys every verticle and looks for leftovers).
 */
public final class Lifecycle {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Lifecycle.class);
    private final Vertx vertx;
    private final HealthRegistry health;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final Set<Long> timers = ConcurrentHashMap.newKeySet();
    private final List<String> checks = new ArrayList<>();
    private final Deque<Supplier<Future<?>>> releases = new ArrayDeque<>();
    private volatile boolean released;

    public Lifecycle(Vertx vertx, HealthRegistry health) {
        this.vertx = vertx;
        this.health = health;
    }

    /** Registers a consumer; the future completes when the registration has reached every node. */
    public <T> Future<Void> consumer(String address, Handler<Message<T>> handler) {
        MessageConsumer<T> consumer = vertx.eventBus().consumer(address, handler);
        synchronized (consumers) {
            consumers.add(consumer);
        }
        return consumer.completion();
    }

    /** Unregisters one consumer taken through {@link #consumer} before the verticle stops. */
    public Future<Void> unregister(String address) {
        List<MessageConsumer<?>> gone = new ArrayList<>();
        synchronized (consumers) {
            consumers.removeIf(c -> c.address().equals(address) && gone.add(c));
        }
        return Future.all(gone.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    }

    public long periodic(long delayMs, Handler<Long> handler) {
        long id = vertx.setPeriodic(delayMs, handler);
        timers.add(id);
        return id;
    }

    /** A one-shot timer; nothing once the verticle is stopping. */
    public void timer(long delayMs, Handler<Long> handler) {
        if (released) {
            return;
        }
        timers.add(vertx.setTimer(Math.max(1, delayMs), id -> {
            timers.remove(id);
            handler.handle(id);
        }));
    }

    public void health(String name, Supplier<Future<JsonObject>> check) {
        health.register(name, check);
        synchronized (checks) {
            checks.add(name);
        }
    }

    /** Something else to release at stop (a server, a pool, a client); run in reverse order of registration. */
    public void onStop(Supplier<Future<?>> release) {
        synchronized (releases) {
            releases.push(release);
        }
    }

    public boolean stopping() {
        return released;
    }

    /**
     * Releases everything taken: health checks, timers and consumers first (no new work comes in),
     * then the other resources one after the other in reverse order of registration (a server
     * drains before the threads its requests run on are closed). Never fails: what cannot be
     * released cleanly is logged.
     */
    public Future<Void> release() {
        released = true;
        synchronized (checks) {
            checks.forEach(health::unregister);
            checks.clear();
        }
        timers.forEach(vertx::cancelTimer);
        timers.clear();
        List<Future<?>> done = new ArrayList<>();
        synchronized (consumers) {
            consumers.forEach(c -> done.add(c.unregister()));
            consumers.clear();
        }
        Future<Void> chain = Future.join(done).mapEmpty();
        synchronized (releases) {
            while (!releases.isEmpty()) {
                Supplier<Future<?>> next = releases.pop();
                chain = chain.transform(ar -> {
                    logFailure(ar);
                    return safely(next).mapEmpty();
                });
            }
        }
        return chain.transform(ar -> {
            logFailure(ar);
            return Future.succeededFuture();
        });
    }

    private static void logFailure(io.vertx.core.AsyncResult<?> ar) {
        if (ar.failed()) {
            LOG.warn("not everything was released cleanly: {}", ar.cause().toString());
        }
    }

    private static Future<?> safely(Supplier<Future<?>> release) {
        try {
            return release.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
