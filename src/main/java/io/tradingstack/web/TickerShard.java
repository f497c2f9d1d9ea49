package io.tradingstack.web;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.Tick;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ticker connections of one event loop: their subscriptions, one bus consumer per symbol
 * fanning out to them, heartbeats and the slow-consumer cut-off. Confined to that event loop, so
 * it needs no locks; every HTTP verticle instance gets its own shard.
 */
final class TickerShard {
    private static final Logger LOG = LoggerFactory.getLogger(TickerShard.class);
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");
    private static final int MAX_CLIENT_MESSAGE = 4096;
    private static final int MAX_SYMBOLS_PER_CONNECTION = 50;
    private final Vertx vertx;
    private final TickerHub hub;
    private final Map<ServerWebSocket, TickerConnection> connections = new HashMap<>();
    private final Map<String, MessageConsumer<Tick>> consumers = new HashMap<>();
    private final Map<String, List<TickerConnection>> bySymbol = new HashMap<>();
    private final long timer;
    private long lastHeartbeat = System.nanoTime();

    /** Must be created on the event loop it serves. */
    TickerShard(Vertx vertx, TickerHub hub) {
        this.vertx = vertx;
        this.hub = hub;
        long period = Math.max(100, Math.min(hub.settings.heartbeatMs(), hub.settings.slowDisconnectMs() / 4));
        this.timer = vertx.setPeriodic(period, id -> housekeeping());
    }

    void accept(ServerWebSocket ws) {
        TickerConnection c = new TickerConnection(ws, hub.settings.bufferBytes());
        connections.put(ws, c);
        hub.accepted.incrementAndGet();
        ws.textMessageHandler(text -> onClientMessage(c, text));
        ws.binaryMessageHandler(b -> error(c, ErrorCode.MARKET_BAD_REQUEST, "binary messages are not supported"));
        ws.closeHandler(v -> remove(c));
        ws.exceptionHandler(err -> LOG.debug("ticker socket error: {}", err.getMessage()));
    }

    private void remove(TickerConnection c) {
        if (connections.remove(c.socket) != null) {
            hub.open.decrementAndGet();
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
            if (!hub.knownSymbols.contains(s)) {
                error(c, ErrorCode.MARKET_UNKNOWN_SYMBOL, s + " is not streamed; streamed: " + hub.knownSymbols);
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
        vertx.eventBus().<Tick>request(Addresses.MARKET_LATEST_TICK, symbol).onComplete(ar -> {
            if (ar.succeeded() && c.symbols.contains(symbol)) {
                c.control(TickerMessages.tick("snapshot", ar.result().body()));
            } else if (ar.failed() && Replies.codeOf(ar.cause()) == ErrorCode.MARKET_UNKNOWN_SYMBOL) {
                error(c, ErrorCode.MARKET_UNKNOWN_SYMBOL, ar.cause().getMessage());
            }
        });
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
        hub.delivered.addAndGet(list.size());
    }

    private void error(TickerConnection c, ErrorCode code, String message) {
        hub.errors.incrementAndGet();
        c.control(TickerMessages.error(code.code(), message));
    }

    private void housekeeping() {
        long now = System.nanoTime();
        long limit = hub.settings.slowDisconnectMs() * 1_000_000L;
        boolean beat = now - lastHeartbeat >= hub.settings.heartbeatMs() * 1_000_000L;
        String heartbeat = beat ? TickerMessages.heartbeat(Instant.now()) : null;
        lastHeartbeat = beat ? now : lastHeartbeat;
        for (TickerConnection c : new ArrayList<>(connections.values())) {
            if (c.overLimitFor(limit, now)) {
                hub.slowDisconnects.incrementAndGet();
                c.socket.close((short) 1008, "slow consumer");
                remove(c);
            } else if (beat && !c.full()) {
                c.control(heartbeat);
            }
        }
    }

    void close() {
        vertx.cancelTimer(timer);
    }
}
