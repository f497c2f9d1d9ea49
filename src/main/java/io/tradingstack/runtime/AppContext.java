package io.tradingstack.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a node shares with its verticles: the configuration, the Vert.x instance, PostgreSQL,
 * Temporal, health checks and the HTTP routes contributed to the main HTTP server. Verticles take
 * it in their constructor; nothing else is global.
 */
public final class AppContext {
    private final AppConfig config;
    private final Vertx vertx;
    private final HealthRegistry health = new HealthRegistry();
    private final List<Consumer<Router>> routes = new CopyOnWriteArrayList<>();
    private final Promise<PostgresRuntime> postgres = Promise.promise();
    private final Promise<TemporalRuntime> temporal = Promise.promise();
    private volatile Pool pool;
    private final java.util.Set<String> starting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<Promise<Void>> readyWaiters = new CopyOnWriteArrayList<>();
    private final Meters meters;
    private final Telemetry telemetry;

    public AppContext(AppConfig config, Vertx vertx) {
        this(config, vertx, new Meters());
    }

    /** With the node's metrics registry (the one Vert.x reports to). */
    public AppContext(AppConfig config, Vertx vertx, Meters meters) {
        this.config = Objects.requireNonNull(config);
        this.vertx = Objects.requireNonNull(vertx);
        this.meters = Objects.requireNonNull(meters);
        this.telemetry = Telemetry.start(OtlpSettings.from(config));
        health.register("telemetry", () -> Future.succeededFuture(telemetry.health()));
    }

    public AppConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The node's tracer: exporting when OTEL_EXPORTER_OTLP_ENDPOINT is set, else a no-op. */
    public Telemetry telemetry() {
        return telemetry;
    }

    public HealthRegistry health() {
        return health;
    }

    /** The node's metrics, scraped at /metrics. */
    public Meters meters() {
        return meters;
    }

    /** Adds routes to the main HTTP server (HTTP_PORT); must be called before the HTTP verticle starts. */
    public void addRoutes(Consumer<Router> contributor) {
        routes.add(contributor);
    }

    /** The contributed routes, for the HTTP verticle that serves them. */
    public List<Consumer<Router>> routes() {
        return routes;
    }

    /** Completes when PostgreSQL is up and migrated. */
    public Future<PostgresRuntime> postgres() {
        return postgres.future();
    }

    public void postgresReady(PostgresRuntime runtime) {
        pool = runtime.pool(vertx, config.pgPoolSize());
        postgres.tryComplete(runtime);
    }

    public void postgresFailed(Throwable error) {
        postgres.tryFail(error);
    }

    /** The reactive pool; only valid once {@link #postgres()} has completed. */
    public Pool pool() {
        if (pool == null) {
            throw new IllegalStateException("PostgreSQL is not started on this node");
        }
        return pool;
    }

    /** Completes when the Temporal client is connected (set by the durable verticle). */
    public Future<TemporalRuntime> temporal() {
        return temporal.future();
    }

    public void temporalReady(TemporalRuntime runtime) {
        temporal.tryComplete(runtime);
    }

    /**
     * Marks start-up work that must finish before the node is ready (ledger rebuild, recovery,
     * deployment); returns the action that marks it done. Until every such step is done, /health and
     * /ready answer 503 and MCP tools answer NOT_READY.
     */
    public Runnable starting(String step) {
        starting.add(step);
        return () -> {
            starting.remove(step);
            if (starting.isEmpty()) {
                readyWaiters.forEach(Promise::tryComplete);
            }
        };
    }

    /** Completes once no start-up step is pending (at once when none is). */
    public Future<Void> whenReady() {
        Promise<Void> p = Promise.promise();
        readyWaiters.add(p);
        if (starting.isEmpty()) {
            p.tryComplete();
        }
        return p.future();
    }

    /** True once no start-up step is pending. */
    public boolean ready() {
        return starting.isEmpty();
    }

    /** The start-up steps still pending, sorted. */
    public List<String> pendingSteps() {
        return starting.stream().sorted().toList();
    }
}
