package io.tradingstack.mcp;

import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.HttpGuard;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The MCP server's HTTP routes: {@code /mcp} (Streamable HTTP: POST, GET, DELETE; anything else
 * 405) behind the Origin/Host/bearer guard and a body limit, and {@code GET /healthz}.
 */
final class McpRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(McpRoutes.class);

    private McpRoutes() {
    }

    static Router router(Vertx vertx, HttpGuard guard, VertxStreamableServerTransportProvider transport,
                         long maxBodyBytes, Supplier<Future<JsonObject>> health) {
        Router router = Router.router(vertx);
        router.get("/healthz").handler(rc -> healthz(rc, health));
        router.route("/mcp").handler(rc -> guardRequest(guard, rc));
        router.post("/mcp").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        router.post("/mcp").handler(transport::handlePost);
        router.get("/mcp").handler(transport::handleGet);
        router.delete("/mcp").handler(transport::handleDelete);
        router.route("/mcp").handler(rc -> rc.response().setStatusCode(405)
                .putHeader("Allow", "GET, POST, DELETE").end());
        router.errorHandler(413, rc -> McpHttp.fail(rc, 413,
                McpSchema.ErrorCodes.INVALID_REQUEST, "request body larger than " + maxBodyBytes + " bytes"));
        router.errorHandler(500, rc -> {
            LOG.warn("MCP request failed: {} {}", rc.request().method(), rc.request().path(), rc.failure());
            McpHttp.fail(rc, 500, McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error");
        });
        return router;
    }

    private static void guardRequest(HttpGuard guard, RoutingContext rc) {
        // HTTP/1.1 names the authority in Host; only HTTP/2 (:authority) needs the parsed form
        String host = rc.request().getHeader("Host");
        HttpGuard.Verdict verdict = guard.check(rc.request().getHeader("Origin"),
                host != null ? host : rc.request().authority() == null ? null : rc.request().authority().toString(),
                rc.request().getHeader("Authorization"));
        if (verdict.allowed()) {
            rc.next();
            return;
        }
        if (verdict.status() == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"mcp\"");
        }
        McpHttp.fail(rc, verdict.status(), McpSchema.ErrorCodes.INVALID_REQUEST, verdict.reason());
    }

    private static void healthz(RoutingContext rc, Supplier<Future<JsonObject>> health) {
        health.get().onComplete(ar -> {
            JsonObject body = ar.succeeded() ? ar.result() : HealthRegistry.down(String.valueOf(ar.cause()));
            rc.response().setStatusCode("UP".equals(body.getString("status")) ? 200 : 503)
                    .putHeader("Content-Type", "application/json").end(body.encode());
        });
    }
}
