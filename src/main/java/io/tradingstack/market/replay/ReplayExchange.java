package io.tradingstack.market.replay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local exchange that speaks Coinbase Exchange's REST and WebSocket protocol from recorded real
 * candles, so the real adapter runs end to end offline. The pace is REPLAY_SPEED; the hooks at the
 * bottom (drop, silence, withhold, raw) let tests reproduce the failures of a real feed.
 */
public final class ReplayExchange {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayExchange.class);
    private static final int MAX_STEPS_PER_FIRE = 5_000;
    private static final int MAX_SPEED_BATCH = 50;
    private final Vertx vertx;
    private final ReplayMarket market;
    private final ReplayMessages messages;
    private final ReplayRest rest;
    private final double speed;
    private final Map<ServerWebSocket, ReplaySession> sessions = new LinkedHashMap<>();
    private HttpServer server;
    private long startNanos;
    private long clockTimer = -1;
    private long heartbeatTimer = -1;
    private boolean silent;
    private long withhold;

    public ReplayExchange(Vertx vertx, ReplayMarket market, double speed) {
        this.vertx = vertx;
        this.market = market;
        this.messages = new ReplayMessages(market);
        this.rest = new ReplayRest(market, messages);
        this.speed = speed;
    }

    /** Listens on host:port (0 = ephemeral) and starts the clock; completes with the bound port. */
    public Future<Integer> start(String host, int port) {
        Router router = Router.router(vertx);
        rest.mount(router);
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port));
        server.webSocketHandler(this::accept).requestHandler(router);
        return server.listen().recover(e -> Future.failedFuture(
                io.tradingstack.runtime.Ports.bindFailure("REPLAY_PORT", host, port, e))).map(s -> {
            startNanos = System.nanoTime();
            long period = Double.isInfinite(speed) ? 1 : Math.max(1, Math.min(100, (long) (1000 / speed)));
            clockTimer = vertx.setPeriodic(period, id -> advance());
            heartbeatTimer = vertx.setPeriodic(1000, id -> heartbeats());
            LOG.info("Replay exchange on {}:{} ({} products, speed {})", host, s.actualPort(), market.products().size(),
                    Double.isInfinite(speed) ? "max" : speed);
            return s.actualPort();
        });
    }

    public Future<Void> stop() {
        vertx.cancelTimer(clockTimer);
        vertx.cancelTimer(heartbeatTimer);
        return server == null ? Future.succeededFuture() : server.close();
    }

    public ReplayMarket market() {
        return market;
    }

    public int port() {
        return server.actualPort();
    }

    private void accept(ServerWebSocket ws) {
        if (!"/".equals(ws.path())) {
            ws.close((short) 1008, "unknown path");
            return;
        }
        ReplaySession session = new ReplaySession(ws);
        sessions.put(ws, session);
        ws.closeHandler(v -> sessions.remove(ws));
        ws.exceptionHandler(err -> sessions.remove(ws));
        ws.textMessageHandler(text -> onClientMessage(session, text));
    }

    private void onClientMessage(ReplaySession session, String text) {
        JsonObject msg;
        try {
            msg = new JsonObject(text);
        } catch (RuntimeException e) {
            send(session, messages.error("Malformed JSON", "could not parse the message"));
            return;
        }
        String type = msg.getString("type", "");
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            send(session, messages.error("Failed to subscribe", "type must be subscribe or unsubscribe"));
            return;
        }
        Map<String, List<String>> wanted = requested(msg);
        String problem = validate(wanted);
        if (problem != null) {
            send(session, messages.error("Failed to subscribe", problem));
            return;
        }
        wanted.forEach((channel, ids) -> ids.forEach(id -> {
            if (type.equals("subscribe")) {
                session.add(channel, id);
            } else {
                session.remove(channel, id);
            }
        }));
        send(session, messages.subscriptions(session.channels));
        if (type.equals("subscribe") && wanted.containsKey("matches") && market.emitted() > 0) {
            wanted.get("matches").forEach(id -> send(session, messages.match(market.lastTrade(id), now(), true)));
        }
    }

    private static Map<String, List<String>> requested(JsonObject msg) {
        List<String> topIds = strings(msg.getValue("product_ids"));
        Map<String, List<String>> out = new LinkedHashMap<>();
        Object channels = msg.getValue("channels");
        if (channels instanceof JsonArray array) {
            for (Object c : array) {
                if (c instanceof JsonObject named) {
                    List<String> ids = strings(named.getValue("product_ids"));
                    out.put(String.valueOf(named.getValue("name")), ids.isEmpty() ? topIds : ids);
                } else {
                    out.put(String.valueOf(c), topIds);
                }
            }
        }
        return out;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private String validate(Map<String, List<String>> wanted) {
        if (wanted.isEmpty()) {
            return "No channels provided";
        }
        for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
            if (!ReplaySession.CHANNELS.contains(e.getKey())) {
                return e.getKey() + " is not a valid channel";
            }
            if (e.getValue().isEmpty()) {
                return "No product ids provided";
            }
            for (String id : e.getValue()) {
                if (!market.knows(id)) {
                    return id + " is not a valid product";
                }
            }
        }
        return null;
    }

    private void advance() {
        long target = Double.isInfinite(speed)
                ? market.emitted() + (backlogged() ? 0 : MAX_SPEED_BATCH)
                : (long) ((System.nanoTime() - startNanos) / 1e9 * speed) + 1;
        long limit = market.emitted() + MAX_STEPS_PER_FIRE;
        while (market.emitted() < Math.min(target, limit) && !market.ended()) {
            List<SyntheticTrade> trades = market.next();
            if (withhold > 0) {
                withhold--;
                continue;
            }
            trades.forEach(this::broadcast);
        }
    }

    private boolean backlogged() {
        return sessions.keySet().stream().anyMatch(ws -> !ws.isClosed() && ws.writeQueueFull());
    }

    private void broadcast(SyntheticTrade trade) {
        Instant now = now();
        String ticker = null;
        String match = null;
        for (ReplaySession s : sessions.values()) {
            if (s.wants("matches", trade.product())) {
                match = match != null ? match : messages.match(trade, now, false).encode();
                write(s, match);
            }
            if (s.wants("ticker", trade.product())) {
                ticker = ticker != null ? ticker : messages.ticker(trade, now).encode();
                write(s, ticker);
            }
        }
    }

    private void heartbeats() {
        Instant now = now();
        long seq = TradeSynthesizer.SEQUENCE_BASE + market.emitted() - 1;
        for (ReplaySession s : sessions.values()) {
            for (String id : market.products()) {
                if (s.wants("heartbeat", id)) {
                    write(s, messages.heartbeat(id, seq, market.lastTradeId(), now).encode());
                }
            }
        }
    }

    private void send(ReplaySession s, JsonObject msg) {
        write(s, msg.encode());
    }

    private void write(ReplaySession s, String text) {
        if (!silent && !s.socket.isClosed()) {
            s.socket.writeTextMessage(text);
        }
    }

    private Instant now() {
        return market.clock().instant();
    }

    // ---- failure hooks (tests and the replay CLI) ----

    /** Closes every WebSocket connection, as an exchange restart would. */
    public void dropConnections() {
        new ArrayList<>(sessions.keySet()).forEach(ws -> ws.close((short) 1001, "going away"));
    }

    /** Keeps connections open but sends nothing (a silent feed) while true. */
    public void silence(boolean on) {
        this.silent = on;
    }

    /** The next {@code steps} steps happen (REST sees them) but are not sent: the feed shows a sequence gap. */
    public void withhold(long steps) {
        this.withhold = steps;
    }

    /** Sends raw text to every connection (hostile or malformed messages). */
    public void sendRaw(String text) {
        sessions.values().forEach(s -> write(s, text));
    }

    public int connections() {
        return sessions.size();
    }

    public long candleRequests() {
        return rest.candleRequests.get();
    }

    public long tradeRequests() {
        return rest.tradeRequests.get();
    }
}
