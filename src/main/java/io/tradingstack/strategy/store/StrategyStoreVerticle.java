package io.tradingstack.strategy.store;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Replies;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.Lifecycle;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.strategy.spec.SpecException;
import io.tradingstack.strategy.spec.SpecValidator;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.strategy.spec.ValidationReport;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binds the {@link SpecRepository} to the bus for the store workflow's activities: save (after
 * validating with this node's FEATURES_TIMEFRAMES), delete, load. On start it stores the shipped
 * spec of each configured market that has never had one, then starts the store workflow.
 */
public final class StrategyStoreVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyStoreVerticle.class);
    private final AppContext ctx;
    private final Pool pool;
    private SpecRepository repository;
    private List<String> timeframes;
    private Lifecycle held;

    public StrategyStoreVerticle(AppContext ctx) {
        this(ctx, null);
    }

    /** With a pool of its own (tests); null uses the node's pool. */
    public StrategyStoreVerticle(AppContext ctx, Pool pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, SpecStoreMessages.TYPES);
        timeframes = Arrays.stream(ctx.config().get(ConfigKey.FEATURES_TIMEFRAMES).split(",")).map(String::trim).toList();
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            repository = new SpecRepository(pool != null ? pool : ctx.pool());
            return seedDefaults();
        }).compose(v -> Future.all(
                held.<SpecStoreMessages.Save>consumer(Addresses.STRATEGY_SAVE, this::save),
                held.<SpecStoreMessages.Delete>consumer(Addresses.STRATEGY_DELETE, this::delete),
                held.consumer(Addresses.STRATEGY_LOAD, this::load)))
                .compose(v -> ctx.temporal())
                .compose(rt -> vertx.executeBlocking(() -> {
                    StrategySpecWorkflow.ensureStarted(rt.client(), ctx.config().taskQueue());
                    return null;
                }, false))
                .onSuccess(v -> held.health("strategy", () -> repository.active()
                        .map(specs -> HealthRegistry.up().put("activeSpecs", specs.size()))));
    }

    private Future<Void> seedDefaults() {
        return SpecSeeds.seed(repository, ctx.config().marketSymbols(), "replay".equals(ctx.config().marketSource())
                && Boolean.parseBoolean(ctx.config().get(ConfigKey.STRATEGY_REPLAY_DEMO_SPECS)));
    }

    private void save(Message<SpecStoreMessages.Save> msg) {
        ValidationReport report = SpecValidator.validate(msg.body().specJson(), timeframes, Instant.now());
        if (!report.valid()) {
            Replies.fail(msg, new SpecException(report.errors()));
            return;
        }
        Replies.reply(msg, repository.save(report.spec(), Instant.now()));
    }

    private void delete(Message<SpecStoreMessages.Delete> msg) {
        Replies.reply(msg, repository.delete(msg.body().market(), msg.body().timeframe()));
    }

    private void load(Message<Object> msg) {
        Replies.reply(msg, repository.active().map(SpecStoreMessages.Active::new));
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
