package io.tradingstack.market;

import io.tradingstack.model.Tick;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Coinbase Exchange WebSocket adapter: subscribes to ticker, matches and heartbeat, turns
 * valid ticker messages into {@link Tick}s, reconnects with backoff and jitter, resubscribes,
 * closes a silent connection after the heartbeat timeout, and hands trade-id gaps on the matches
 * channel to {@link TradeBackfill}. Runs on one event loop; bad input is counted, never thrown.
 */
public final class MarketFeed {
    private static final Logger LOG = LoggerFactory.getLogger(MarketFeed.class);
    private static final int MAX_FRAME = 1 << 20;
    private final Vertx vertx;
    private final String wsUrl;
    private final WebSocketClient client;
    private final TickValidator validator;
    private final FeedStats stats;
    private final TradeBackfill backfill;
    private final Consumer<Tick> publisher;
    private final Backoff backoff;
    private final Duration heartbeatTimeout;
    private final Clock clock;
    private final FeedMessage message = new FeedMessage();
    private final Map<String, Tick> latest = new ConcurrentHashMap<>();
    private final Set<String> symbols = new LinkedHashSet<>();
    private WebSocket socket;
    private boolean running;
    private boolean connecting;
    private long lastMessageNanos;
    private long watchdog = -1;
    private long seq;

    public MarketFeed(Vertx vertx, String wsUrl, Collection<String> symbols, TickValidator validator, FeedStats stats,
                      TradeBackfill backfill, Consumer<Tick> publisher, Backoff backoff, Duration heartbeatTimeout, Clock clock) {
        this.vertx = vertx;
        this.wsUrl = wsUrl;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(MAX_FRAME)
                .setMaxMessageSize(MAX_FRAME).setConnectTimeout(5_000));
        this.symbols.addAll(symbols);
        this.validator = validator;
        this.stats = stats;
        this.backfill = backfill;
        this.publisher = publisher;
        this.backoff = backoff;
        this.heartbeatTimeout = heartbeatTimeout;
        this.clock = clock;
    }

    public void start() {
        running = true;
        long period = Math.max(100, heartbeatTimeout.toMillis() / 4);
        watchdog = vertx.setPeriodic(period, id -> checkHeartbeat());
        connect();
    }

    public void stop() {
        running = false;
        vertx.cancelTimer(watchdog);
        if (socket != null) {
            socket.close();
        }
        client.close();
    }

    public boolean connected() {
        return socket != null && !socket.isClosed();
    }

    public Set<String> symbols() {
        return Set.copyOf(symbols);
    }

    public Tick latest(String symbol) {
        return latest.get(symbol);
    }

    /** Replaces the streamed products: unsubscribes the removed ones and subscribes the new ones. */
    public void setSymbols(Collection<String> wanted) {
        Set<String> removed = new LinkedHashSet<>(symbols);
        removed.removeAll(wanted);
        Set<String> added = new LinkedHashSet<>(wanted);
        added.removeAll(symbols);
        symbols.clear();
        symbols.addAll(wanted);
        validator.setProducts(symbols);
        removed.forEach(latest::remove);
        if (connected()) {
            if (!removed.isEmpty()) {
                socket.writeTextMessage(request("unsubscribe", removed).encode());
            }
            subscribe(added);
        }
    }

    private void connect() {
        if (!running || connecting) {
            return;
        }
        connecting = true;
        client.connect(new WebSocketConnectOptions().setAbsoluteURI(wsUrl)).onComplete(ar -> {
            connecting = false;
            if (ar.failed()) {
                LOG.warn("Market feed connect to {} failed: {}", wsUrl, ar.cause().getMessage());
                scheduleReconnect();
                return;
            }
            onConnected(ar.result());
        });
    }

    private void onConnected(WebSocket ws) {
        if (!running) {
            ws.close();
            return;
        }
        socket = ws;
        stats.connects.incrementAndGet();
        lastMessageNanos = System.nanoTime();
        ws.textMessageHandler(this::onText);
        ws.exceptionHandler(err -> LOG.debug("Market feed socket error: {}", err.getMessage()));
        ws.closeHandler(v -> onClosed(ws));
        subscribe(symbols);
        LOG.info("Market feed connected to {} ({})", wsUrl, symbols);
    }

    private void onClosed(WebSocket ws) {
        if (socket == ws) {
            socket = null;
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (!running) {
            return;
        }
        long delay = backoff.nextDelayMs();
        stats.reconnects.incrementAndGet();
        LOG.info("Market feed reconnecting in {} ms (attempt {})", delay, backoff.attempts());
        vertx.setTimer(Math.max(1, delay), id -> connect());
    }

    private void checkHeartbeat() {
        if (socket != null && System.nanoTime() - lastMessageNanos > heartbeatTimeout.toNanos()) {
            stats.heartbeatTimeouts.incrementAndGet();
            LOG.warn("Market feed silent for {} ms; reconnecting", heartbeatTimeout.toMillis());
            WebSocket silent = socket;
            onClosed(silent);
            silent.close();
        }
    }

    /** One subscribe per product: an exchange that rejects one product must not block the others. */
    private void subscribe(Collection<String> products) {
        products.forEach(p -> socket.writeTextMessage(request("subscribe", java.util.List.of(p)).encode()));
    }

    private JsonObject request(String type, Collection<String> products) {
        return new JsonObject().put("type", type).put("product_ids", new JsonArray(products.stream().toList()))
                .put("channels", new JsonArray().add("ticker").add("matches").add("heartbeat"));
    }

    /** Handles one raw message from the exchange; public so the ingest benchmark drives the same path. */
    public void onText(String text) {
        stats.messages.incrementAndGet();
        lastMessageNanos = System.nanoTime();
        if (!message.parse(text) || message.type == null) {
            stats.drop(DropReason.MALFORMED_JSON);
            return;
        }
        switch (message.type) {
            case "ticker" -> onTicker();
            case "match", "last_match" -> onMatch();
            case "heartbeat" -> stats.heartbeats.incrementAndGet();
            case "subscriptions" -> backoff.reset();
            case "error" -> onError();
            default -> stats.drop(DropReason.UNKNOWN_TYPE);
        }
    }

    private void onTicker() {
        TickValidator.Result r = validator.validateTicker(message, clock.instant(), seq + 1);
        if (r.reason() != null) {
            stats.drop(r.reason());
            return;
        }
        seq++;
        stats.ticks.incrementAndGet();
        latest.put(r.tick().symbol(), r.tick());
        publisher.accept(r.tick());
    }

    private void onMatch() {
        String product = message.productId;
        Long tradeId = TickValidator.longValue(message.tradeId);
        if (product == null || tradeId == null || message.time == null) {
            stats.drop(DropReason.MISSING_FIELD);
            return;
        }
        if (!symbols.contains(product)) {
            stats.drop(DropReason.UNKNOWN_PRODUCT);
            return;
        }
        if (TickValidator.positive(message.price) == null) {
            stats.drop(DropReason.BAD_PRICE);
            return;
        }
        DropReason order = backfill.onTrade(product, tradeId, "last_match".equals(message.type));
        if (order != null) {
            stats.drop(order);
            return;
        }
        stats.matches.incrementAndGet();
    }

    private void onError() {
        stats.exchangeErrors.incrementAndGet();
        LOG.warn("Exchange error: {} ({})", message.message, message.reason);
    }
}
