package io.tradingstack.agents.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Replies;
import io.tradingstack.llm.LlmSettings;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the {@link DecisionStore} to the bus (record a decision, the recent decisions) and starts
 * the execution agent's workflow when EXECUTION_AGENT_ENABLED; its health says mode and provider.
 */
public final class ExecutionAgentVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionAgentVerticle.class);
    private final AppContext ctx;
    private DecisionStore store;
    private Lifecycle held;

    public ExecutionAgentVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, DecisionMessages.TYPES);
        ExecutionSettings settings;
        String provider;
        try {
            settings = ExecutionSettings.from(ctx.config());
            provider = LlmSettings.from(ctx.config()).provider();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            store = new DecisionStore(ctx.pool());
            return Future.all(
                    held.<DecisionRecord>consumer(Addresses.AGENT_DECISION_RECORD, m -> Replies.reply(m, store.insert(m.body()))),
                    held.<DecisionMessages.RecentQuery>consumer(Addresses.AGENT_DECISIONS, m -> Replies.reply(m, store.recent(m.body()))));
        }).compose(v -> settings.enabled() ? startAgent(settings) : Future.succeededFuture())
                .onSuccess(v -> held.health("agents", () -> Future.succeededFuture(HealthRegistry.up()
                        .put("execution", settings.enabled() ? "running" : "disabled")
                        .put("mode", settings.mode())
                        .put("provider", provider)
                        .put("nudgeSeconds", settings.nudgeSeconds())
                        .put("symbols", String.join(",", settings.symbols())))));
    }

    private Future<Void> startAgent(ExecutionSettings settings) {
        return ctx.temporal().compose(rt -> vertx.executeBlocking(() -> {
            ExecutionAgentWorkflow.ensureStarted(rt.client(), ctx.config().taskQueue(), settings);
            LOG.info("Execution agent {} running: mode {}, nudged every {} s, symbols {}",
                    io.tradingstack.bus.DurableNames.ExecutionAgent.id(ctx.config().taskQueue()), settings.mode(),
                    settings.nudgeSeconds(), settings.symbols());
            return null;
        }, false));
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
