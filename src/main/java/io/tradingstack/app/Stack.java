package io.tradingstack.app;

import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigException;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.PostgresRuntime;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One node of the stack: starts PostgreSQL (when a selected verticle needs it), deploys the
 * selected verticles of {@code verticles.json} in order, and stops everything in reverse.
 */
public final class Stack {
    private static final Logger LOG = LoggerFactory.getLogger(Stack.class);

    private final AppContext ctx;
    private final List<VerticleSpec> plan;
    private final Set<String> roles;
    private final Deque<String> deployments = new ArrayDeque<>();
    private final Set<String> defaultChecks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile PostgresRuntime postgres;
    private volatile boolean ownsPostgres;

    public Stack(AppContext ctx, List<VerticleSpec> specs, Set<String> roles) {
        this.ctx = ctx;
        this.roles = roles;
        this.plan = specs.stream().filter(s -> s.selectedBy(roles)).toList();
    }

    public AppContext context() {
        return ctx;
    }

    public List<VerticleSpec> plan() {
        return plan;
    }

    /** Starts the node and completes when it is ready; fails with the first component that could not start. */
    public Future<Void> start() {
        return start(null);
    }

    /**
     * The same, recording the start of {@code node} (when not null) in PostgreSQL before the node
     * reports ready, so a /health that says UP counts this start.
     */
    public Future<Void> start(String node) {
        Vertx vertx = ctx.vertx();
        BusMessages.register(vertx);
        Runnable deployed = ctx.starting("deployment");
        if (ctx.postgres().isComplete()) {
            ctx.postgres().onSuccess(this::registerPostgresHealth);
        } else if (plan.stream().anyMatch(s -> s.needs("postgres"))) {
            ownsPostgres = true;
            // A dedicated thread, not a Vert.x worker: closing Vert.x must not interrupt an initdb,
            // which would leave the postgres process orphaned.
            CompletableFuture.supplyAsync(() -> PostgresRuntime.start(ctx.config()), Stack::postgresThread)
                    .whenComplete((pg, err) -> {
                        if (err != null) {
                            ctx.postgresFailed(err.getCause() != null ? err.getCause() : err);
                            return;
                        }
                        postgres = pg;
                        ctx.postgresReady(pg);
                        registerPostgresHealth(pg);
                    });
        }
        Future<Void> chain = Future.succeededFuture();
        for (VerticleSpec spec : plan) {
            chain = chain.compose(v -> deploy(spec));
        }
        // Done when every component is deployed and its start-up work (recovery, the ledger
        // workflow's first snapshot) is finished: the node is ready.
        if (node != null) {
            chain = chain.compose(v -> recordStart(node));
        }
        return chain.onSuccess(v -> deployed.run()).compose(v -> ctx.whenReady());
    }

    private static void postgresThread(Runnable task) {
        Thread t = new Thread(task, "postgres-start");
        t.setDaemon(true);
        t.start();
    }

    private Future<Void> deploy(VerticleSpec spec) {
        Future<?> ready = spec.needs("postgres") ? ctx.postgres() : Future.succeededFuture();
        if (spec.needs("temporal")) {
            ready = ready.compose(v -> ctx.temporal());
        }
        return ready.compose(v -> {
            JsonObject section = ctx.config().section(spec.configSection());
            DeploymentOptions options = new DeploymentOptions()
                    .setInstances(spec.instances())
                    .setConfig(section)
                    .setThreadingModel(ThreadingModel.EVENT_LOOP);
            return ctx.vertx().deployVerticle(supplier(spec), options);
        }).map(id -> {
            deployments.push(id);
            registerDefaultHealth(spec);
            LOG.debug("Deployed {} ({} instance(s))", spec.name(), spec.instances());
            return (Void) null;
        }).recover(err -> Future.failedFuture(new IllegalStateException(
                "Component '" + spec.name() + "' did not start: " + err.getMessage(), err)));
    }

    private Supplier<Deployable> supplier(VerticleSpec spec) {
        Constructor<?> constructor;
        try {
            Class<?> type = Class.forName(spec.className());
            constructor = type.getConstructor(AppContext.class);
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("verticles.json: " + spec.name() + " names class " + spec.className()
                    + ", which has no public constructor taking AppContext");
        }
        return () -> {
            try {
                return (Deployable) constructor.newInstance(ctx);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private void registerDefaultHealth(VerticleSpec spec) {
        // A verticle that registered its own check during start keeps it; others report deployment.
        if (ctx.health().registerIfAbsent(spec.name(), () -> Future.succeededFuture(
                HealthRegistry.up().put("instances", spec.instances())))) {
            defaultChecks.add(spec.name());
        }
    }

    private void registerPostgresHealth(PostgresRuntime pg) {
        ctx.health().register("postgres", () -> ctx.pool().query("SELECT count(*) AS starts FROM app_starts").execute()
                .map(rows -> HealthRegistry.up()
                        .put("mode", pg.embedded() ? "embedded" : "external")
                        .put("location", pg.location())
                        .put("starts", rows.iterator().next().getLong("starts"))));
    }

    /** Records this start in PostgreSQL (a visible proof that data survives restarts). */
    public Future<Void> recordStart(String node) {
        if (!ctx.postgres().succeeded()) {
            return Future.succeededFuture();
        }
        return ctx.pool().preparedQuery("INSERT INTO app_starts(node, roles) VALUES ($1, $2)")
                .execute(io.vertx.sqlclient.Tuple.of(node, roles.isEmpty() ? "*" : String.join(",", roles)))
                .mapEmpty();
    }

    public PostgresRuntime postgresRuntime() {
        return postgres;
    }

    /** Undeploys in reverse order, closes Vert.x, flushes traces, then stops PostgreSQL. Blocking, bounded. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        Vertx vertx = ctx.vertx();
        undeploy();
        try {
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close in time: {}", e.getMessage());
        }
        ctx.telemetry().close();
        PostgresRuntime pg = postgres != null ? postgres : awaitStartingPostgres();
        if (pg != null && ownsPostgres) {
            pg.close();
        }
    }

    /**
     * Undeploys every component in reverse order of deployment (blocking, bounded per component)
     * and takes back the default health checks this stack registered; each verticle's stop()
     * releases what its start() took.
     */
    public void undeploy() {
        while (!deployments.isEmpty()) {
            String id = deployments.pop();
            try {
                ctx.vertx().undeploy(id).await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Undeploy of {} did not finish: {}", id, e.getMessage());
            }
        }
        defaultChecks.forEach(ctx.health()::unregister);
        defaultChecks.clear();
    }

    /** A stop during start-up must still stop a PostgreSQL that is coming up. */
    private PostgresRuntime awaitStartingPostgres() {
        if (!ownsPostgres) {
            return null;
        }
        try {
            return ctx.postgres().await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }
}
