package io.tradingstack.market;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Replies;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Binds the Coinbase adapter ({@link MarketFeed}, {@link CoinbaseRest}, {@link CandleLoader}) to
 * the bus: publishes validated ticks on {@code ts.market.tick.<SYMBOL>}, answers the latest tick,
 * statistics, symbol changes and candle fetches (through {@link MarketDesk}). With
 * MARKET_SOURCE=replay it talks to the replay exchange's loopback URLs; the code path is the one
 * used against Coinbase.
 */
public final class MarketFeedVerticle extends VerticleBase {
    private final AppContext ctx;
    private final FeedStats stats = new FeedStats();
    private MarketDesk desk;
    private Lifecycle held;

    public MarketFeedVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AppConfig config = ctx.config();
        boolean replay = "replay".equals(config.marketSource());
        String loopback = AppConfig.isLoopback(config.bindHost()) ? config.bindHost() : "127.0.0.1";
        int replayPort = config.integer(ConfigKey.REPLAY_PORT);
        String restUrl = replay ? "http://" + loopback + ":" + replayPort : config.get(ConfigKey.COINBASE_REST_URL);
        String wsUrl = replay ? "ws://" + loopback + ":" + replayPort + "/" : config.get(ConfigKey.COINBASE_WS_URL);
        held = new Lifecycle(vertx, ctx.health());
        CoinbaseRest rest = new CoinbaseRest(vertx, restUrl);
        held.onStop(() -> {
            rest.close();
            return Future.succeededFuture();
        });
        CandleLoader loader = new CandleLoader(new CoinbaseCandleSource(rest), new CandleCache(config.dataDir()
                .resolve("market-cache").resolve(replay ? "replay" : "coinbase")), Clock.systemUTC());
        MarketFeed feed = feed(config, wsUrl, rest);
        held.onStop(() -> {
            feed.stop();
            return Future.succeededFuture();
        });
        desk = new MarketDesk(feed, stats, loader, config.marketSource(), restUrl);
        Codecs.register(vertx, SetSymbols.MESSAGES);
        held.health("feed", () -> Future.succeededFuture(desk.health()));
        return Future.all(
                held.<String>consumer(Addresses.MARKET_LATEST_TICK, m -> answer(m, () -> desk.latestTick(m.body()))),
                held.<Object>consumer(Addresses.MARKET_STATS, m -> m.reply(desk.stats())),
                held.<SetSymbols>consumer(Addresses.MARKET_SET_SYMBOLS, m -> m.reply(desk.setSymbols(m.body()))),
                held.<CandleFetch>consumer(Addresses.MARKET_FETCH_CANDLES, this::fetchCandles)
        ).onSuccess(v -> feed.start());
    }

    private MarketFeed feed(AppConfig config, String wsUrl, CoinbaseRest rest) {
        TickValidator validator = new TickValidator(Set.copyOf(config.marketSymbols()),
                Duration.ofMillis(config.integer(ConfigKey.MARKET_MAX_TICK_AGE_MS)));
        DeliveryOptions publish = new DeliveryOptions().setLocalOnly(!"false".equals(config.get(ConfigKey.MARKET_TICKS_LOCAL_ONLY)));
        TickTopics topics = new TickTopics(vertx.eventBus(), publish, ctx.meters().registry(), stats);
        held.onStop(() -> {
            topics.close();
            return Future.succeededFuture();
        });
        return new MarketFeed(vertx, wsUrl, config.marketSymbols(), validator, stats, new TradeBackfill(rest, stats),
                topics::publish,
                new Backoff(250, 30_000, new SecureRandom()),
                Duration.ofMillis(config.integer(ConfigKey.MARKET_HEARTBEAT_TIMEOUT_MS)), Clock.systemUTC());
    }

    private static void answer(Message<?> m, java.util.function.Supplier<Object> answer) {
        try {
            m.reply(answer.get());
        } catch (RuntimeException e) {
            Replies.fail(m, e);
        }
    }

    private void fetchCandles(Message<?> msg) {
        Replies.reply(msg, vertx.executeBlocking(() -> desk.fetchCandles(msg.body()), false));
    }

    /** The stats counters, for tests and the stream workflow. */
    public FeedStats stats() {
        return stats;
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
