package io.tradingstack.llm;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Replies;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.TraceHeaders;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Binds the {@link LlmService} to the bus ({@code ts.llm.chat}, {@code ts.llm.usage}) and reports
 * provider and usage in /health. Chats block on HTTP for up to minutes, so they run on a small pool
 * of this verticle's own threads, never on the event loop or Vert.x's shared worker pool.
 */
public final class LlmVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(LlmVerticle.class);
    /** Concurrent model calls per node; more wait their turn (bounded by the caller's bus timeout). */
    static final int THREADS = 16;
    private final AppContext ctx;
    private ExecutorService executor;
    private LlmService service;
    private Lifecycle held;

    public LlmVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        LlmSettings settings;
        try {
            settings = LlmSettings.from(ctx.config());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        held = new Lifecycle(vertx, ctx.health());
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "llm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        LlmCodecs.register(vertx);
        return ctx.postgres()
                // on this component's own threads: the call log reads today's usage back with a blocking wait,
                // which Vert.x refuses on its own worker threads
                .compose(pg -> Future.fromCompletionStage(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> settings.newService(new PgCallLog(ctx.pool()), Clock.systemUTC(), ctx.telemetry()), executor),
                        vertx.getOrCreateContext()))
                .compose(s -> {
                    service = s;
                    return Future.all(List.of(
                            held.<LlmCall>consumer(Addresses.LLM_CHAT, this::chat),
                            held.<Object>consumer(Addresses.LLM_USAGE, m -> m.reply(service.usage()))));
                })
                .onSuccess(v -> {
                    held.health("llm", () -> Future.succeededFuture(health()));
                    LOG.info("LLM provider {} ({}, model {})", service.provider().name(), service.provider().endpoint(),
                            service.provider().defaultModel());
                });
    }

    private void chat(Message<LlmCall> msg) {
        LlmCall call = msg.body();
        try {
            // The caller's trace (an agent decision) travels in the headers; the call's span joins it.
            io.opentelemetry.context.Context parent = TraceHeaders.extract(msg.headers());
            executor.execute(() -> {
                try (io.opentelemetry.context.Scope ignored = parent.makeCurrent()) {
                    LlmResult result = service.chat(call.request(), call.callKey(), null);
                    LlmMeters.count(ctx.meters().registry(), call.request().agent(), result);
                    msg.reply(result);
                } catch (RuntimeException e) {
                    LOG.warn("LLM chat failed unexpectedly: {}", e.toString());
                    Replies.fail(msg, ErrorCode.INTERNAL, String.valueOf(e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            Replies.fail(msg, ErrorCode.NOT_READY, "llm component is stopping");
        }
    }

    private JsonObject health() {
        LlmUsageReport usage = service.usage();
        return HealthRegistry.up()
                .put("provider", usage.provider())
                .put("model", usage.model())
                .put("endpoint", usage.endpoint())
                .put("usage", new JsonObject(Json.write(usage)));
    }

    @Override
    public Future<?> stop() {
        Future<Void> released = held == null ? Future.succeededFuture() : held.release();
        return released.onComplete(ar -> {
            if (executor != null) {
                executor.shutdownNow();
            }
            if (service != null) {
                service.provider().close();
            }
        });
    }
}
