package io.tradingstack.app;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.tradingstack.runtime.TemporalRuntime;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Owns the Temporal lifecycle of a node: the embedded service or the connection to a cluster,
 * the client, and the worker on TASK_QUEUE. Blocking calls run on worker threads.
 */
public final class DurableVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(DurableVerticle.class);
    private final AppContext ctx;
    private TemporalRuntime runtime;
    private boolean ownsRuntime;
    private WorkerFactory factory;
    private Lifecycle held;

    public DurableVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        AppConfig config = ctx.config();
        held = new Lifecycle(vertx, ctx.health());
        // A runtime provided up front (tests share one per JVM) is used, not owned.
        TemporalRuntime provided = ctx.temporal().succeeded() ? ctx.temporal().result() : null;
        return vertx.executeBlocking(() -> {
            ownsRuntime = provided == null;
            runtime = ownsRuntime ? TemporalRuntime.start(config.temporalAddress(),
                    config.temporalNamespace(), ctx.meters().registry()) : provided;
            factory = WorkerFactory.newInstance(runtime.client());
            WorkflowRegistry.register(factory.newWorker(config.taskQueue(), WorkerOptions.newBuilder()
                    .setMaxConcurrentActivityExecutionSize(200)
                    .setMaxConcurrentWorkflowTaskExecutionSize(50)
                    .build()), ctx);
            WorkflowRegistry.registerSweepRuns(factory, config.taskQueue(), Runtime.getRuntime().availableProcessors());
            factory.start();
            LOG.info("Temporal worker polling task queue {}", config.taskQueue());
            return runtime;
        }, false).onSuccess(rt -> {
            held.health("temporal", this::health);
            ctx.temporalReady(rt);
        });
    }

    private Future<io.vertx.core.json.JsonObject> health() {
        return vertx.executeBlocking(() -> HealthRegistry.up()
                .put("location", runtime.location())
                .put("taskQueue", ctx.config().taskQueue())
                .put("serverVersion", runtime.probe()), false);
    }

    @Override
    public Future<?> stop() {
        Future<Void> released = held == null ? Future.succeededFuture() : held.release();
        return released.compose(v -> vertx.executeBlocking(() -> {
            if (factory != null) {
                factory.shutdown();
                factory.awaitTermination(3, TimeUnit.SECONDS);
            }
            if (runtime != null && ownsRuntime) {
                runtime.close();
            }
            return null;
        }, false));
    }
}
