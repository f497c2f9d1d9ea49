package io.tradingstack.web;

import io.tradingstack.bus.Codecs;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.runtime.AppContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.function.Consumer;

/**
 * Serves the dashboard: one self-contained page (no external scripts or fonts) that reads
 * {@code /health}, {@code /api/*} ({@link PortfolioEndpoint}) and the WebSocket ticker of the same server.
 */
public final class DashboardVerticle extends VerticleBase {
    private final AppContext ctx;
    private Consumer<Router> routes;

    public DashboardVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, LedgerMessages.TYPES);
        PortfolioEndpoint portfolio = new PortfolioEndpoint(vertx.eventBus());
        routes = router -> {
            router.get("/").handler(rc -> rc.reroute("/dashboard/index.html"));
            router.route("/dashboard/*").handler(StaticHandler.create("web").setCachingEnabled(false));
            router.get("/api/portfolio").handler(portfolio::handle);
        };
        ctx.addRoutes(routes);
        return Future.succeededFuture();
    }

    /** The routes are served by the HTTP verticle: taken back so a redeployed node does not serve them twice. */
    @Override
    public Future<?> stop() {
        ctx.routes().remove(routes);
        return Future.succeededFuture();
    }
}
