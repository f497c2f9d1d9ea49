package io.tradingstack.web;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WebSocket ticker at /ws/ticker: subscribe/unsubscribe, a snapshot of the latest tick, then
 * every tick, heartbeats, coded errors that keep the connection open, a connection cap and
 * slow-consumer handling. Connections stay on the event loop that accepted them, in one
 * {@link TickerShard} per event loop; the cap and the counters are shared.
 */
public final class TickerHub {
    private final Vertx vertx;
    final Set<String> knownSymbols;
    final Settings settings;
    private final Map<Context, TickerShard> shards = new ConcurrentHashMap<>();
    final AtomicInteger open = new AtomicInteger();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong slowDisconnects = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();

    /** Limits: connection cap, per-connection buffer, time over it before disconnect, heartbeat period. */
    public record Settings(int maxConnections, int bufferBytes, long slowDisconnectMs, long heartbeatMs) {
    }

    public TickerHub(Vertx vertx, Set<String> knownSymbols, Settings settings) {
        this.vertx = vertx;
        this.knownSymbols = Set.copyOf(new LinkedHashSet<>(knownSymbols));
        this.settings = settings;
    }

    /** Route handler for GET /ws/ticker; runs on the event loop of the HTTP verticle instance that got the request. */
    public void handle(RoutingContext rc) {
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            rejected.incrementAndGet();
            rc.response().setStatusCode(503).end("ticker connection limit reached");
            return;
        }
        TickerShard shard = shards.computeIfAbsent(Vertx.currentContext(), c -> new TickerShard(vertx, this));
        rc.request().toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                open.decrementAndGet();
                return;
            }
            shard.accept(ar.result());
        });
    }

    public JsonObject stats() {
        return new JsonObject().put("connections", open.get()).put("accepted", accepted.get()).put("rejected", rejected.get())
                .put("slowDisconnects", slowDisconnects.get()).put("errors", errors.get()).put("delivered", delivered.get())
                .put("maxConnections", settings.maxConnections()).put("eventLoops", shards.size());
    }

    public void close() {
        shards.forEach((context, shard) -> context.runOnContext(v -> shard.close()));
    }
}
