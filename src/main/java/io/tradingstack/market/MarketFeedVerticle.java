package io.tradingstack.market;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.Candle;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the Coinbase adapter ({@link MarketFeed}, {@link CoinbaseRest}, {@link CandleLoader}) to
 * the bus: publishes validated ticks on {@code ts.market.tick.<SYMBOL>}, answers the latest tick,
 * statistics, symbol changes and candle fetches. With MARKET_SOURCE=replay it talks to the replay
 * exchange's loopback URLs; the code path is the one used against Coinbase.
 */
public final class MarketFeedVerticle extends VerticleBase {
    private final AppContext ctx;
    private final FeedStats stats = new FeedStats();
    private MarketFeed feed;
    private CoinbaseRest rest;
    private CandleLoader loader;
    private String restUrl;
    private List<Meter> meters = new ArrayList<>();

    public MarketFeedVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AppConfig config = ctx.config();
        boolean replay = "replay".equals(config.marketSource());
        String loopback = AppConfig.isLoopback(config.bindHost()) ? config.bindHost() : "127.0.0.1";
        int replayPort = config.integer(ConfigKey.REPLAY_PORT);
        restUrl = replay ? "http://" + loopback + ":" + replayPort : config.get(ConfigKey.COINBASE_REST_URL);
        String wsUrl = replay ? "ws://" + loopback + ":" + replayPort + "/" : config.get(ConfigKey.COINBASE_WS_URL);
        rest = new CoinbaseRest(vertx, restUrl);
        loader = new CandleLoader(new CoinbaseCandleSource(rest), new CandleCache(config.dataDir().resolve("market-cache")
                .resolve(replay ? "replay" : "coinbase")), Clock.systemUTC());
        List<String> symbols = config.marketSymbols();
        TickValidator validator = new TickValidator(Set.copyOf(symbols),
                Duration.ofMillis(config.integer(ConfigKey.MARKET_MAX_TICK_AGE_MS)));
        DeliveryOptions publish = new DeliveryOptions().setLocalOnly(!"false".equals(config.get(ConfigKey.MARKET_TICKS_LOCAL_ONLY)));
        EventBus bus = vertx.eventBus();
        Codecs.register(vertx, SetSymbols.MESSAGES);
        Map<String, Topic> topics = new HashMap<>();
        meters = stats.bindTo(ctx.meters().registry());
        feed = new MarketFeed(vertx, wsUrl, symbols, validator, stats, new TradeBackfill(rest, stats),
                tick -> topics.computeIfAbsent(tick.symbol(), this::topic).publish(bus, tick, publish),
                new Backoff(250, 30_000, new SecureRandom()),
                Duration.ofMillis(config.integer(ConfigKey.MARKET_HEARTBEAT_TIMEOUT_MS)), Clock.systemUTC());
        ctx.health().register("feed", this::health);
        Future<?> consumers = Future.all(
                bus.<String>consumer(Addresses.MARKET_LATEST_TICK, this::latestTick).completion(),
                bus.<Object>consumer(Addresses.MARKET_STATS, msg -> msg.reply(statsJson())).completion(),
                bus.<SetSymbols>consumer(Addresses.MARKET_SET_SYMBOLS, this::setSymbols).completion(),
                bus.<JsonObject>consumer(Addresses.MARKET_FETCH_CANDLES, this::fetchCandles).completion());
        return consumers.onSuccess(v -> feed.start());
    }

    /** A symbol's tick topic and its published-ticks counter, looked up once per symbol. */
    private record Topic(String address, Counter ticks) {
        void publish(EventBus bus, Tick tick, DeliveryOptions options) {
            bus.publish(address, tick, options);
            ticks.increment();
        }
    }

    private Topic topic(String symbol) {
        Counter ticks = Counter.builder(Meters.MARKET_TICKS).description("validated ticks published on the bus")
                .tag("symbol", symbol).register(ctx.meters().registry());
        meters.add(ticks);
        return new Topic(Addresses.marketTick(symbol), ticks);
    }

    private void latestTick(Message<String> msg) {
        String symbol = String.valueOf(msg.body());
        if (!feed.symbols().contains(symbol)) {
            Replies.fail(msg, ErrorCode.MARKET_UNKNOWN_SYMBOL, symbol + " is not streamed; streamed: " + feed.symbols());
            return;
        }
        Tick tick = feed.latest(symbol);
        if (tick == null) {
            Replies.fail(msg, ErrorCode.MARKET_NO_DATA, "no tick for " + symbol + " yet");
            return;
        }
        msg.reply(tick);
    }

    private void setSymbols(Message<SetSymbols> msg) {
        feed.setSymbols(msg.body().symbols());
        msg.reply(new SetSymbols(List.copyOf(feed.symbols())));
    }

    private void fetchCandles(Message<JsonObject> msg) {
        MarketEndpoints.CandleRequest req;
        try {
            req = MarketEndpoints.candles(msg.body(), Instant.now());
        } catch (RuntimeException e) {
            Replies.fail(msg, ErrorCode.MARKET_BAD_REQUEST, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> loader.load(req.symbol(), req.granularity(), req.start(), req.end()), false)
                .onSuccess(load -> msg.reply(candlesReply(load, req.includeCandles())))
                .onFailure(err -> Replies.fail(msg, err instanceof IllegalArgumentException
                        ? new CodedException(ErrorCode.MARKET_BAD_REQUEST, err.getMessage()) : err));
    }

    static JsonObject candlesReply(CandleLoader.Load load, boolean includeCandles) {
        JsonObject out = new JsonObject().put("report", new JsonObject(Json.MAPPER.convertValue(load.report(), Map.class)));
        if (includeCandles) {
            JsonArray rows = new JsonArray();
            for (Candle c : load.candles()) {
                rows.add(new JsonObject().put("start", c.start().toString()).put("open", c.open()).put("high", c.high())
                        .put("low", c.low()).put("close", c.close()).put("volume", c.volume()));
            }
            out.put("candles", rows);
        }
        return out;
    }

    private JsonObject statsJson() {
        return stats.toJson().put("connected", feed.connected()).put("symbols", new JsonArray(List.copyOf(feed.symbols())))
                .put("source", ctx.config().marketSource()).put("restUrl", restUrl);
    }

    private Future<JsonObject> health() {
        JsonObject details = statsJson();
        JsonObject base = feed.connected() ? HealthRegistry.up() : HealthRegistry.down("feed disconnected; reconnecting");
        return Future.succeededFuture(base.mergeIn(details));
    }

    /** The stats counters, for tests and the stream workflow. */
    public FeedStats stats() {
        return stats;
    }

    @Override
    public Future<?> stop() {
        if (feed != null) {
            feed.stop();
        }
        if (rest != null) {
            rest.close();
        }
        meters.forEach(ctx.meters().registry()::remove);
        return Future.succeededFuture();
    }
}
