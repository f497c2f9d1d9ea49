package io.tradingstack.mcp;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.HttpGuard;
import io.tradingstack.runtime.TemporalRuntime;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The MCP server on its own HTTP server (MCP_PORT on BIND_HOST): {@code /mcp} (Streamable HTTP,
 * guarded by Origin/Host allow-lists and the bearer token) and {@code GET /healthz}. Thin: the
 * transport, the guard and the catalogue are plain classes.
 */
public final class McpVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(McpVerticle.class);
    /** JSON-RPC messages of this catalogue are a few KiB; anything near this is abuse. */
    public static final long MAX_BODY_BYTES = 256 * 1024;
    private static final long KEEP_ALIVE_MS = 15_000;
    private static final long SESSION_IDLE_MS = 30 * 60_000;
    private static final int TOOL_THREADS = 32;

    private final AppContext ctx;
    private HttpServer server;
    private WorkerExecutor executor;
    private VertxStreamableServerTransportProvider transport;
    private McpAsyncServer mcp;
    private int toolCount;

    public McpVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AppConfig config = ctx.config();
        HttpGuard guard = new HttpGuard(config.bindHost(),
                HttpGuard.splitOrigins(config.get(ConfigKey.MCP_ALLOWED_ORIGINS)), config.mcpAuthToken());
        return ctx.temporal().compose(temporal -> {
            executor = vertx.createSharedWorkerExecutor("mcp-tools", TOOL_THREADS);
            buildServer(config, temporal);
            server = vertx.createHttpServer(new HttpServerOptions().setHost(config.bindHost()).setPort(config.mcpPort()));
            return server.requestHandler(router(guard)).listen().recover(e -> Future.failedFuture(
                    io.tradingstack.runtime.Ports.bindFailure("MCP_PORT", config.bindHost(), config.mcpPort(), e)));
        }).onSuccess(s -> {
            vertx.setPeriodic(KEEP_ALIVE_MS, id -> transport.keepAlive());
            vertx.setPeriodic(60_000, id -> transport.expireIdle(SESSION_IDLE_MS));
            ctx.health().register("mcp", this::health);
            LOG.info("MCP server on http://{}:{}/mcp ({} tools, tiers {}, auth {})", config.bindHost(), s.actualPort(),
                    toolCount, config.mcpTiers(), guard.authRequired() ? "bearer" : "none (loopback)");
        });
    }

    private void buildServer(AppConfig config, TemporalRuntime temporal) {
        McpJsonMapper mapper = resultMapper();
        SessionRateLimiter limiter = new SessionRateLimiter(config.integer(ConfigKey.MCP_RATE_LIMIT_PER_MINUTE));
        transport = new VertxStreamableServerTransportProvider(mapper, limiter::forget);
        WorkflowGateway gateway = new WorkflowGateway(temporal.client(), config.taskQueue(), executor);
        Set<Tier> tiers = Tier.parseAll(config.mcpTiers());
        ToolCatalogue catalogue = new ToolCatalogue(tiers, limiter, McpJsonDefaults.getSchemaValidator(),
                new AuditJournal(ctx.pool()), ctx::ready, ctx.telemetry()).metered(ctx.meters().registry());
        var specs = catalogue.specifications(McpTools.all(ToolContext.of(gateway, vertx, config)));
        toolCount = specs.size();
        mcp = McpServer.async(transport)
                .serverInfo("trading-stack", "1.0.0")
                .instructions("Paper-trading control plane: market data, indicators, portfolio, orders. "
                        + "Every tool starts, signals or queries a Temporal workflow.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
                .validateToolInputs(false)
                .requestTimeout(Duration.ofSeconds(60))
                .jsonMapper(mapper)
                .tools(specs)
                .build();
    }

    /**
     * The SDK's mapper as the SDK builds it (a plain ObjectMapper), writing decimals in plain
     * notation: a fee of 1E-8 leaves as 0.00000001. Results reach it as plain values only ({@code bus.Plain}).
     */
    static McpJsonMapper resultMapper() {
        return new io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN));
    }

    private Router router(HttpGuard guard) {
        Router router = Router.router(vertx);
        router.get("/healthz").handler(this::healthz);
        router.route("/mcp").handler(rc -> guardRequest(guard, rc));
        router.post("/mcp").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.post("/mcp").handler(transport::handlePost);
        router.get("/mcp").handler(transport::handleGet);
        router.delete("/mcp").handler(transport::handleDelete);
        router.route("/mcp").handler(rc -> rc.response().setStatusCode(405)
                .putHeader("Allow", "GET, POST, DELETE").end());
        router.errorHandler(413, rc -> McpHttp.fail(rc, 413,
                McpSchema.ErrorCodes.INVALID_REQUEST, "request body larger than " + MAX_BODY_BYTES + " bytes"));
        router.errorHandler(500, rc -> {
            LOG.warn("MCP request failed: {} {}", rc.request().method(), rc.request().path(), rc.failure());
            McpHttp.fail(rc, 500, McpSchema.ErrorCodes.INTERNAL_ERROR, "internal error");
        });
        return router;
    }

    private static void guardRequest(HttpGuard guard, RoutingContext rc) {
        HttpGuard.Verdict verdict = guard.check(rc.request().getHeader("Origin"),
                rc.request().authority() == null ? rc.request().getHeader("Host") : rc.request().authority().toString(),
                rc.request().getHeader("Authorization"));
        if (verdict.allowed()) {
            rc.next();
            return;
        }
        if (verdict.status() == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"mcp\"");
        }
        McpHttp.fail(rc, verdict.status(), McpSchema.ErrorCodes.INVALID_REQUEST,
                verdict.reason());
    }

    private void healthz(RoutingContext rc) {
        health().onComplete(ar -> {
            JsonObject body = ar.succeeded() ? ar.result() : HealthRegistry.down(String.valueOf(ar.cause()));
            rc.response().setStatusCode("UP".equals(body.getString("status")) ? 200 : 503)
                    .putHeader("Content-Type", "application/json").end(body.encode());
        });
    }

    private Future<JsonObject> health() {
        return Future.succeededFuture(HealthRegistry.up()
                .put("sessions", transport.sessionCount())
                .put("tools", toolCount)
                .put("tiers", List.copyOf(ctx.config().mcpTiers())));
    }

    /** Graceful: refuse new requests, close sessions and their streams, then let the server drain. */
    @Override
    public Future<?> stop() {
        Future<Void> sessions = transport == null ? Future.succeededFuture()
                : Future.fromCompletionStage(transport.closeGracefully()
                .then(mcp == null ? Mono.empty() : mcp.closeGracefully())
                .timeout(Duration.ofSeconds(5)).onErrorResume(e -> Mono.empty()).toFuture());
        return sessions
                .compose(v -> server == null ? Future.succeededFuture() : server.shutdown(5, TimeUnit.SECONDS))
                .compose(v -> executor == null ? Future.succeededFuture() : executor.close());
    }
}
