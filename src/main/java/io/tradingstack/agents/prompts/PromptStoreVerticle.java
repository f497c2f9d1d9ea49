package io.tradingstack.agents.prompts;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Replies;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.util.List;

/**
 * Binds the {@link PromptStore} to the bus ({@code ts.prompts.*}) for the agents' activities and
 * the MCP tools. It decides nothing: every answer is the store's.
 */
public final class PromptStoreVerticle extends VerticleBase {
    private final AppContext ctx;
    private final Pool pool;
    private PromptStore store;
    private Lifecycle held;

    public PromptStoreVerticle(AppContext ctx) {
        this(ctx, null);
    }

    /** With a pool of its own (tests); null uses the node's pool. */
    public PromptStoreVerticle(AppContext ctx, Pool pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, PromptMessages.TYPES);
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            store = new PromptStore(pool != null ? pool : ctx.pool());
            return Future.all(List.of(
                    held.<PromptMessages.Current>consumer(Addresses.PROMPTS_CURRENT,
                            m -> Replies.reply(m, store.current(m.body(), Instant.now()))),
                    held.<PromptChange>consumer(Addresses.PROMPTS_CREATE, m -> Replies.reply(m, store.create(m.body(), Instant.now()))),
                    held.<PromptRollback>consumer(Addresses.PROMPTS_ROLLBACK,
                            m -> Replies.reply(m, store.rollback(m.body(), Instant.now()))),
                    held.<PromptMessages.HistoryQuery>consumer(Addresses.PROMPTS_HISTORY, m -> Replies.reply(m, store.history(m.body()))),
                    held.<PromptMessages.FeedbackAdd>consumer(Addresses.PROMPTS_FEEDBACK_ADD,
                            m -> Replies.reply(m, store.addFeedback(m.body(), Instant.now()))),
                    held.<PromptMessages.PendingQuery>consumer(Addresses.PROMPTS_FEEDBACK_PENDING, this::pending),
                    held.<PromptMessages.Consume>consumer(Addresses.PROMPTS_FEEDBACK_CONSUME,
                            m -> Replies.reply(m, store.consume(m.body(), Instant.now()).map(PromptMessages.Consumed::new)))));
        }).onSuccess(v -> held.health("prompts", () -> Future.succeededFuture(HealthRegistry.up())));
    }

    private void pending(Message<PromptMessages.PendingQuery> msg) {
        Replies.reply(msg, store.pending(msg.body()).map(PromptMessages.FeedbackList::new));
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
