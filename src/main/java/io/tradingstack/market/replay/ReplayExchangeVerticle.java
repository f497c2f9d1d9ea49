package io.tradingstack.market.replay;

import io.tradingstack.market.ReplaySeries;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Runs the replay exchange on REPLAY_PORT when MARKET_SOURCE=replay. The replay places its
 * history relative to its start time, so the adapter's replay candle cache is cleared here: it
 * belongs to one run.
 */
public final class ReplayExchangeVerticle extends VerticleBase {
    private final AppContext ctx;
    private ReplayExchange exchange;
    private Lifecycle held;

    public ReplayExchangeVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AppConfig config = ctx.config();
        held = new Lifecycle(vertx, ctx.health());
        if (!"replay".equals(config.marketSource())) {
            held.health("exchange", () -> Future.succeededFuture(HealthRegistry.up().put("mode", "disabled (MARKET_SOURCE=coinbase)")));
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            clearReplayCache(config.dataDir().resolve("market-cache").resolve("replay"));
            return ReplayMarket.bundled(ReplaySeries.BUNDLED, "loop".equals(config.get(ConfigKey.REPLAY_AT_END)), Clock.systemUTC());
        }, false).compose(market -> {
            exchange = new ReplayExchange(vertx, market, config.replaySpeed());
            held.health("exchange", this::health);
            held.onStop(exchange::stop);
            return exchange.start(config.bindHost(), config.integer(ConfigKey.REPLAY_PORT));
        });
    }

    private Future<JsonObject> health() {
        ReplayMarket m = exchange.market();
        return Future.succeededFuture(HealthRegistry.up().put("port", exchange.port()).put("products", m.products().size())
                .put("steps", m.emitted()).put("ended", m.ended()).put("connections", exchange.connections()));
    }

    private static void clearReplayCache(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
