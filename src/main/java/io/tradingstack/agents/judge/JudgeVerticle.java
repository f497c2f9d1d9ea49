package io.tradingstack.agents.judge;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Replies;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Binds the {@link JudgeStore} to the bus for the judge's activities and tools (record, read,
 * resume), then starts the judge workflow unless JUDGE_ENABLED=false. A bad JUDGE_* value fails
 * the start.
 */
public final class JudgeVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(JudgeVerticle.class);
    private final AppContext ctx;
    private final Pool pool;
    private JudgeStore store;
    private Lifecycle held;

    public JudgeVerticle(AppContext ctx) {
        this(ctx, null);
    }

    /** With a pool of its own (tests); null uses the node's pool. */
    public JudgeVerticle(AppContext ctx, Pool pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, JudgeMessages.TYPES);
        Codecs.register(vertx, LedgerMessages.TYPES);
        JudgeSettings settings;
        try {
            settings = JudgeSettings.from(ctx.config());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new IllegalArgumentException("judge configuration: " + e.getMessage(), e));
        }
        boolean enabled = Boolean.parseBoolean(ctx.config().get(ConfigKey.JUDGE_ENABLED));
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            store = new JudgeStore(pool != null ? pool : ctx.pool());
            return Future.all(List.of(
                    held.<JudgeMessages.Store>consumer(Addresses.JUDGE_RECORD, m -> reply(m, store.record(m.body()))),
                    held.<JudgeMessages.EvaluationsQuery>consumer(Addresses.JUDGE_EVALUATIONS,
                            m -> reply(m, store.evaluations(m.body()))),
                    held.<JudgeMessages.MemoryQuery>consumer(Addresses.JUDGE_MEMORY, m -> reply(m, store.memory(m.body())))));
        }).compose(v -> enabled ? ctx.temporal().compose(rt -> vertx.executeBlocking(() -> {
            JudgeClient.ensureStarted(rt.client(), ctx.config().taskQueue(), settings);
            LOG.info("Judge agent running: every {} min, at most {} evaluations a day", settings.evalMinutes(), settings.maxPerDay());
            return null;
        }, false)) : Future.succeededFuture()).onSuccess(v -> held.health("judge", () -> Future.succeededFuture(
                HealthRegistry.up().put("enabled", enabled).put("evalMinutes", settings.evalMinutes()))));
    }

    private static void reply(Message<?> msg, Future<?> answer) {
        Replies.reply(msg, answer);
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
