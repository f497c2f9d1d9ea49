package io.tradingstack.web;

import io.tradingstack.app.AppContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

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
            router.get("/api/portfolio").handler(this::portfolio);
        });
        return Future.succeededFuture();
    }

    /** The ledger's portfolio status, wherever the ledger runs in the cluster. */
    private void portfolio(RoutingContext rc) {
        vertx.eventBus().<JsonObject>request(Addresses.LEDGER_QUERY, new JsonObject().put("query", "status"),
                new DeliveryOptions().setSendTimeout(3000)).onComplete(ar -> {
                    if (ar.succeeded()) {
                        rc.response().putHeader("content-type", "application/json").end(ar.result().body().encode());
                    } else {
                        ErrorCode code = Replies.codeOf(ar.cause());
                        rc.response().setStatusCode(code == ErrorCode.BUS_NO_HANDLER ? 404 : 503)
                                .putHeader("content-type", "application/json")
                                .end(new JsonObject().put("code", code.code()).put("message", ar.cause().getMessage()).encode());
                    }
                });
    }
}
