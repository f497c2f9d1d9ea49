package io.tradingstack.mcp;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.HttpGuard;
import io.tradingstack.runtime.Lifecycle;
import io.tradingstack.runtime.Ports;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The MCP server on its own HTTP server (MCP_PORT on BIND_HOST): {@code /mcp} (Streamable HTTP,
 * guarded by Origin/Host allow-lists and the bearer token) and {@code GET /healthz}. Thin: the
 * server ({@link McpServers}), the routes ({@link McpRoutes}), the transport, the guard and the
 * catalogue are plain classes.
 */
public final class McpVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(McpVerticle.class);
    /** JSON-RPC messages of this catalogue are a few KiB; anything near this is abuse. */
    public static final long MAX_BODY_BYTES = 256 * 1024;
    private static final long KEEP_ALIVE_MS = 15_000;
    private static final long SESSION_IDLE_MS = 30 * 60_000;
    private static final int TOOL_THREADS = 32;

    private final AppContext ctx;
    private McpServers.Built built;
    private Lifecycle held;

    public McpVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AppConfig config = ctx.config();
        HttpGuard guard = new HttpGuard(config.bindHost(),
                HttpGuard.splitOrigins(config.get(ConfigKey.MCP_ALLOWED_ORIGINS)), config.mcpAuthToken());
        held = new Lifecycle(vertx, ctx.health());
        return ctx.temporal().compose(temporal -> {
            WorkerExecutor executor = vertx.createSharedWorkerExecutor("mcp-tools", TOOL_THREADS);
            held.onStop(executor::close);
            built = McpServers.build(vertx, ctx, temporal, executor);
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(config.bindHost()).setPort(config.mcpPort()));
            // released in reverse: sessions and their streams end first, then the server drains, then the tool threads
            held.onStop(() -> server.shutdown(5, TimeUnit.SECONDS));
            held.onStop(this::closeSessions);
            return server.requestHandler(McpRoutes.router(vertx, guard, built.transport(), MAX_BODY_BYTES, this::health))
                    .listen().recover(e -> Future.failedFuture(Ports.bindFailure("MCP_PORT", config.bindHost(), config.mcpPort(), e)));
        }).onSuccess(s -> {
            held.periodic(KEEP_ALIVE_MS, id -> built.transport().keepAlive());
            held.periodic(60_000, id -> built.transport().expireIdle(SESSION_IDLE_MS));
            held.health("mcp", this::health);
            LOG.info("MCP server on http://{}:{}/mcp ({} tools, tiers {}, auth {})", config.bindHost(), s.actualPort(),
                    built.toolCount(), config.mcpTiers(), guard.authRequired() ? "bearer" : "none (loopback)");
        });
    }

    private Future<JsonObject> health() {
        return Future.succeededFuture(HealthRegistry.up()
                .put("sessions", built.transport().sessionCount())
                .put("tools", built.toolCount())
                .put("tiers", List.copyOf(ctx.config().mcpTiers())));
    }

    /** Refuse new requests, close sessions and their streams (bounded), before the server drains. */
    private Future<Void> closeSessions() {
        return Future.fromCompletionStage(built.transport().closeGracefully()
                .then(built.server().closeGracefully())
                .timeout(Duration.ofSeconds(5)).onErrorResume(e -> Mono.empty()).toFuture());
    }

    /** Graceful: sessions closed, then the HTTP server drained, then the tool threads closed (reverse of start). */
    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
