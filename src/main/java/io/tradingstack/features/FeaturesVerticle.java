package io.tradingstack.features;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Headers;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.ext.web.Router;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Wires {@link FeaturesService} (through {@link FeaturesDesk}) to the bus: aggregates
 * {@code ts.market.tick.<SYMBOL>} into candles, publishes a {@link FeatureVector} on
 * {@code ts.features.vector.<SYMBOL>} at every candle close of every configured timeframe
 * (consumers filter on {@code timeframe}), answers the latest vector and the metrics catalogue,
 * and warms each timeframe from the market component's history (starting cold without it).
 */
public final class FeaturesVerticle extends VerticleBase {
    private static final long WARM_TIMEOUT_MS = 15_000;
    private static final String VECTOR_TYPE = "FeatureVector";

    private final AppContext ctx;
    private FeaturesDesk desk;
    private MarketHistory history;
    private Lifecycle held;

    public FeaturesVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        io.tradingstack.bus.Codecs.register(vertx, Stream.of(CandleHistory.MESSAGES, MetricsRequest.MESSAGES, MarketHistory.SENDS)
                .flatMap(List::stream).toList());
        try {
            desk = FeaturesDesk.configured(ctx.config());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        history = new MarketHistory(vertx.eventBus(), WARM_TIMEOUT_MS);
        held = new Lifecycle(vertx, ctx.health());
        List<Future<Void>> registered = new ArrayList<>();
        for (String symbol : desk.service().symbols()) {
            registered.add(held.<Tick>consumer(Addresses.marketTick(symbol), m -> publish(desk.onTick(m.body()))));
        }
        registered.add(held.consumer(Addresses.FEATURES_LATEST_VECTOR, this::onLatest));
        registered.add(held.consumer(Addresses.FEATURES_LIST_METRICS, m -> m.reply(desk.catalogue())));
        registered.add(held.<CandleHistory.Request>consumer(Addresses.FEATURES_CANDLES,
                m -> answer(m, () -> desk.candles(m.body()), new io.vertx.core.eventbus.DeliveryOptions())));
        registered.add(held.<MetricsRequest>consumer(Addresses.FEATURES_COMPUTE_METRICS, this::onCompute));
        held.periodic(1000, id -> publish(desk.service().closeDue(Instant.now())));
        held.health("features", () -> Future.succeededFuture(desk.health()));
        Consumer<Router> routes = new FeaturesHttp(vertx.eventBus())::routes;
        ctx.addRoutes(routes);
        held.onStop(() -> Future.succeededFuture(ctx.routes().remove(routes)));
        return Future.all(registered).onSuccess(v -> warmAll(ctx.config().integer(ConfigKey.FEATURES_WARMUP_BARS)));
    }

    private void publish(List<FeatureVector> vectors) {
        Instant now = Instant.now();
        for (FeatureVector v : vectors) {
            FeatureVector stamped = FeatureEngine.restamp(v, now);
            vertx.eventBus().publish(Addresses.featuresVector(v.symbol()), stamped, Headers.of(VECTOR_TYPE, stamped.computedAt()));
        }
        desk.countPublished(vectors.size());
    }

    private void warmAll(int warmupBars) {
        int bars = Math.min(warmupBars, desk.maxBars());
        for (String symbol : desk.service().symbols()) {
            for (Timeframe tf : desk.service().timeframes()) {
                desk.warmRequested(symbol, tf);
                history.candles(symbol, tf, bars, Instant.now()).onComplete(ar -> publish(desk.warm(symbol, tf, ar)));
            }
        }
    }

    private void onLatest(Message<Object> m) {
        answer(m, () -> FeatureEngine.restamp(desk.latest(m.body()), Instant.now()),
                Headers.following(m, VECTOR_TYPE, Instant.now()));
    }

    private static void answer(Message<?> m, java.util.function.Supplier<Object> answer, io.vertx.core.eventbus.DeliveryOptions options) {
        try {
            m.reply(answer.get(), options);
        } catch (RuntimeException e) {
            Replies.fail(m, e);
        }
    }

    private void onCompute(Message<?> m) {
        MetricsRequest req;
        try {
            req = desk.metricsRequest(m.body());
        } catch (RuntimeException e) {
            Replies.fail(m, e);
            return;
        }
        desk.bars(req, r -> history.bars(r.symbol(), Timeframe.parse(r.timeframe()), r.limit(), Instant.now()))
                .compose(b -> vertx.executeBlocking(() -> desk.compute(req, b), false))
                .onSuccess(m::reply)
                .onFailure(err -> Replies.fail(m, err));
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }
}
