package io.tradingstack.web;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.util.Set;

/**
 * Contributes the WebSocket ticker (ws://HOST:HTTP_PORT/ws/ticker) to the main HTTP server and
 * reports its counters in /health. Config section "ticker": {@code heartbeatMs} (default 5000).
 */
public final class TickerVerticle extends VerticleBase {
    public static final String PATH = "/ws/ticker";
    private final AppContext ctx;
    private TickerHub hub;
    private Lifecycle held;

    public TickerVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AppConfig c = ctx.config();
        hub = new TickerHub(vertx, Set.copyOf(c.marketSymbols()), new TickerHub.Settings(
                c.integer(ConfigKey.TICKER_MAX_CONNECTIONS), c.integer(ConfigKey.TICKER_BUFFER_BYTES),
                c.integer(ConfigKey.TICKER_SLOW_DISCONNECT_MS), config().getLong("heartbeatMs", 5000L)));
        held = new Lifecycle(vertx, ctx.health());
        java.util.function.Consumer<io.vertx.ext.web.Router> routes = router -> router.get(PATH).handler(hub::handle);
        ctx.addRoutes(routes);
        held.onStop(() -> Future.succeededFuture(ctx.routes().remove(routes)));
        held.onStop(() -> {
            hub.close();
            return Future.succeededFuture();
        });
        held.health("ticker", () -> Future.succeededFuture(HealthRegistry.up().mergeIn(hub.stats())));
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
