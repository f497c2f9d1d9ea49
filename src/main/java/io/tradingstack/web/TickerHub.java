package io.tradingstack.web;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.Tick;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The WebSocket ticker at /ws/ticker: subscribe/unsubscribe, a snapshot of the latest tick, then
 * every tick, heartbeats, coded errors that keep the connection open, a connection cap and
 * slow-consumer handling. All state lives on one event loop (the one that served the first
 * client); one bus consumer per symbol fans out to every connection subscribed to it.
 */
public final class TickerHub {
    private static final Logger LOG = LoggerFactory.getLogger(TickerHub.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");
    private static final int MAX_CLIENT_MESSAGE = 4096;
    private static final int MAX_SYMBOLS_PER_CONNECTION = 50;
    private final Vertx vertx;
    private final Set<String> knownSymbols;
    private long lastHeartbeat = System.nanoTime();
    private final Settings settings;
    private final Map<ServerWebSocket, TickerConnection> connections = new HashMap<>();
    private final Map<String, MessageConsumer<Tick>> consumers = new HashMap<>();
    private final Map<String, List<TickerConnection>> bySymbol = new HashMap<>();
    private Context context;
    private long timer = -1;
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong slowDisconnects = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

    /** Limits: connection cap, per-connection buffer, time over it before disconnect, heartbeat period. */
    public record Settings(int maxConnections, int bufferBytes, long slowDisconnectMs, long heartbeatMs) {
    }

    public TickerHub(Vertx vertx, Set<String> knownSymbols, Settings settings) {
        this.vertx = vertx;
        this.knownSymbols = new LinkedHashSet<>(knownSymbols);
        this.settings = settings;
    }

    /** Route handler for GET /ws/ticker. */
    public void handle(RoutingContext rc) {
        bind();
        if (open.get() >= settings.maxConnections()) {
            rejected.incrementAndGet();
            rc.response().setStatusCode(503).end("ticker connection limit reached");
            return;
        }
        open.incrementAndGet();
        rc.request().toWebSocket().onComplete(ar -> {
            if (ar.failed()) {
                open.decrementAndGet();
                return;
            }
            onHub(() -> accept(ar.result()));
        });
    }

    private synchronized void bind() {
        if (context == null) {
            context = vertx.getOrCreateContext();
            long period = Math.max(100, Math.min(settings.heartbeatMs(), settings.slowDisconnectMs() / 4));
            context.runOnContext(v -> timer = vertx.setPeriodic(period, id -> housekeeping()));
        }
    }

    private void onHub(Runnable r) {
        if (Vertx.currentContext() == context) {
            r.run();
        } else {
            context.runOnContext(v -> r.run());
        }
    }

    private void accept(ServerWebSocket ws) {
        TickerConnection c = new TickerConnection(ws, settings.bufferBytes());
        connections.put(ws, c);
        accepted.incrementAndGet();
        ws.textMessageHandler(text -> onHub(() -> onClientMessage(c, text)));
        ws.binaryMessageHandler(b -> onHub(() -> error(c, ErrorCode.MARKET_BAD_REQUEST, "binary messages are not supported")));
        ws.closeHandler(v -> onHub(() -> remove(c)));
        ws.exceptionHandler(err -> LOG.debug("ticker socket error: {}", err.getMessage()));
    }

    private void remove(TickerConnection c) {
        if (connections.remove(c.socket) != null) {
            open.decrementAndGet();
            new ArrayList<>(c.symbols).forEach(s -> unsubscribe(c, s));
        }
    }

    private void onClientMessage(TickerConnection c, String text) {
        if (text.length() > MAX_CLIENT_MESSAGE) {
            error(c, ErrorCode.MARKET_BAD_REQUEST, "message longer than " + MAX_CLIENT_MESSAGE + " characters");
            return;
        }
        JsonObject msg;
        try {
            msg = new JsonObject(text);
        } catch (RuntimeException e) {
            error(c, ErrorCode.MARKET_BAD_REQUEST, "malformed JSON");
            return;
        }
        String type = msg.getValue("type") instanceof String s ? s : "";
        List<String> symbols = symbols(msg.getValue("symbols"));
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            error(c, ErrorCode.MARKET_BAD_REQUEST, "type must be subscribe or unsubscribe");
        } else if (symbols == null || symbols.isEmpty()) {
            error(c, ErrorCode.MARKET_BAD_REQUEST, "symbols must be a non-empty array of product ids like BTC-USD");
        } else if (type.equals("subscribe")) {
            subscribeAll(c, symbols);
        } else {
            symbols.forEach(s -> unsubscribe(c, s));
            c.control(TickerMessages.subscribed(c.symbols));
        }
    }

    private static List<String> symbols(Object raw) {
        if (!(raw instanceof JsonArray array) || array.size() > MAX_SYMBOLS_PER_CONNECTION) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : array) {
            if (!(o instanceof String s) || !SYMBOL.matcher(s).matches()) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    private void subscribeAll(TickerConnection c, List<String> wanted) {
        List<String> added = new ArrayList<>();
        for (String s : wanted) {
            if (!knownSymbols.contains(s)) {
                error(c, ErrorCode.MARKET_UNKNOWN_SYMBOL, s + " is not streamed; streamed: " + knownSymbols);
            } else if (c.symbols.size() >= MAX_SYMBOLS_PER_CONNECTION) {
                error(c, ErrorCode.MARKET_BAD_REQUEST, "at most " + MAX_SYMBOLS_PER_CONNECTION + " symbols per connection");
            } else if (c.symbols.add(s)) {
                bySymbol.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
                consumers.computeIfAbsent(s, k -> vertx.eventBus().<Tick>consumer(Addresses.marketTick(k), m -> fanOut(k, m.body())));
                added.add(s);
            }
        }
        if (added.isEmpty() && c.symbols.isEmpty()) {
            return;
        }
        c.control(TickerMessages.subscribed(c.symbols));
        added.forEach(s -> snapshot(c, s));
    }

    private void snapshot(TickerConnection c, String symbol) {
        vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, symbol).onComplete(ar -> onHub(() -> {
            if (ar.succeeded() && c.symbols.contains(symbol)) {
                c.control(TickerMessages.tick("snapshot", ar.result().body()));
            } else if (ar.failed() && Replies.codeOf(ar.cause()) == ErrorCode.MARKET_UNKNOWN_SYMBOL) {
                error(c, ErrorCode.MARKET_UNKNOWN_SYMBOL, ar.cause().getMessage());
            }
        }));
    }

    private void unsubscribe(TickerConnection c, String symbol) {
        if (!c.symbols.remove(symbol)) {
            return;
        }
        c.backlog.remove(symbol);
        List<TickerConnection> list = bySymbol.get(symbol);
        if (list != null) {
            list.remove(c);
            if (list.isEmpty()) {
                bySymbol.remove(symbol);
                MessageConsumer<Tick> consumer = consumers.remove(symbol);
                if (consumer != null) {
                    consumer.unregister();
                }
            }
        }
    }

    private void fanOut(String symbol, Tick tick) {
        List<TickerConnection> list = bySymbol.get(symbol);
        if (list == null) {
            return;
        }
        String text = TickerMessages.tick("tick", tick);
        for (TickerConnection c : list) {
            c.offerTick(symbol, text);
        }
        delivered.addAndGet(list.size());
    }

    private void error(TickerConnection c, ErrorCode code, String message) {
        errors.incrementAndGet();
        c.control(TickerMessages.error(code.code(), message));
    }

    private void housekeeping() {
        long now = System.nanoTime();
        long limit = settings.slowDisconnectMs() * 1_000_000L;
        boolean beat = now - lastHeartbeat >= settings.heartbeatMs() * 1_000_000L;
        String heartbeat = beat ? TickerMessages.heartbeat(Instant.now()) : null;
        lastHeartbeat = beat ? now : lastHeartbeat;
        for (TickerConnection c : new ArrayList<>(connections.values())) {
            if (c.overLimitFor(limit, now)) {
                slowDisconnects.incrementAndGet();
                c.socket.close((short) 1008, "slow consumer");
                remove(c);
            } else if (beat && !c.full()) {
                c.control(heartbeat);
            }
        }
    }

    public JsonObject stats() {
        return new JsonObject().put("connections", open.get()).put("accepted", accepted.get()).put("rejected", rejected.get())
                .put("slowDisconnects", slowDisconnects.get()).put("errors", errors.get()).put("delivered", delivered.get())
                .put("maxConnections", settings.maxConnections());
    }

    public void close() {
        if (context != null) {
            vertx.cancelTimer(timer);
        }
    }
}
