package io.tradingstack.app;

import io.tradingstack.bus.Addresses;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.tradingstack.runtime.Ports;
import io.tradingstack.runtime.Secrets;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The node's HTTP server on HTTP_PORT: {@code /health}, {@code /ready}, {@code /metrics}, and the routes other
 * components contributed (WebSocket ticker, dashboard). Also answers health over the bus so
 * workflows can ask for it. Deployed last so every contribution is in place.
 */
public final class HttpVerticle extends VerticleBase {
    private final AppContext ctx;
    private volatile boolean accepting = true;
    private Lifecycle held;

    public HttpVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        held = new Lifecycle(vertx, ctx.health());
        Router router = Router.router(vertx);
        router.route().handler(new HttpAccess(ctx.config())::handle);
        router.get("/health").handler(this::health);
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(this::metrics);
        ctx.routes().forEach(contributor -> contributor.accept(router));
        Future<?> bus = held.consumer(Addresses.APP_HEALTH, msg -> ctx.health().report(vertx).onSuccess(msg::reply));
        AppConfig config = ctx.config();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(config.bindHost())
                .setPort(config.httpPort())
                .setMaxWebSocketFrameSize(64 * 1024));
        held.onStop(server::close);
        return Future.all(bus, server.requestHandler(router).listen().recover(e -> Future.failedFuture(
                Ports.bindFailure("HTTP_PORT", config.bindHost(), config.httpPort(), e))));
    }

    private void health(RoutingContext rc) {
        ctx.health().report(vertx).onComplete(ar -> {
            JsonObject body = ar.succeeded() ? ar.result() : HealthRegistry.down(String.valueOf(ar.cause()));
            if (!ctx.ready() && "UP".equals(body.getString("status"))) {
                body.put("status", "STARTING").put("pending", ctx.pendingSteps());
            }
            boolean up = "UP".equals(body.getString("status")) && accepting;
            rc.response().setStatusCode(up ? 200 : 503)
                    .putHeader("content-type", "application/json")
                    .end(Secrets.redact(body.encodePrettily()));
        });
    }

    /** Prometheus text exposition; rendered off the event loop (a scrape walks every series). */
    private void metrics(RoutingContext rc) {
        vertx.executeBlocking(() -> ctx.meters().scrape(), false).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
                return;
            }
            rc.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(ar.result());
        });
    }

    private void ready(RoutingContext rc) {
        ctx.health().report(vertx).onComplete(ar -> {
            boolean up = ar.succeeded() && "UP".equals(ar.result().getString("status")) && accepting && ctx.ready();
            rc.response().setStatusCode(up ? 200 : 503)
                    .putHeader("content-type", "application/json")
                    .end(new JsonObject().put("ready", up).encode());
        });
    }

    @Override
    public Future<?> stop() {
        accepting = false;
        return held == null ? Future.succeededFuture() : held.release();
    }
}
