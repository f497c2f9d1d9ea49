package io.tradingstack.web;

import io.tradingstack.app.AppContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the dashboard: one self-contained page (no external scripts or fonts) that reads
 * {@code /health}, {@code /api/*} and the WebSocket ticker of the same server.
 */
public final class DashboardVerticle extends VerticleBase {
    private final AppContext ctx;

    public DashboardVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        ctx.addRoutes(router -> {
            router.get("/").handler(rc -> rc.reroute("/dashboard/index.html"));
            router.route("/dashboard/*").handler(StaticHandler.create("web").setCachingEnabled(false));
        });
        return Future.succeededFuture();
    }
}
