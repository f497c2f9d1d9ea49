package io.tradingstack.features;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Headers;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.slf4j.LoggerFactory;

/**
 * Wires {@link FeaturesService} to the bus: aggregates {@code ts.market.tick.<SYMBOL>} into
 * candles, publishes a {@link FeatureVector} on {@code ts.features.vector.<SYMBOL>} at every
 * candle close of every configured timeframe (consumers filter on {@code timeframe}), answers the
 * latest vector and the metrics catalogue, and warms each timeframe from the market component's
 * historical candles (starting cold if they cannot be had).
 */
public final class FeaturesVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesVerticle.class);
    private static final long WARM_TIMEOUT_MS = 15_000;
    private static final String VECTOR_TYPE = "FeatureVector";

    private final AppContext ctx;
    private final MetricsCatalogue catalogue = new MetricsCatalogue();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private final Map<String, String> warmState = new ConcurrentHashMap<>();
    private FeaturesService service;
    private int maxBars;
    private long timerId = -1;
    private long published;
    private final Map<String, Long> lastTradeId = new ConcurrentHashMap<>();

    public FeaturesVerticle(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<?> start() {
        io.tradingstack.bus.Codecs.register(vertx, CandleHistory.MESSAGES);
        try {
            AppConfig cfg = ctx.config();
            List<Timeframe> tfs = new ArrayList<>();
            for (String t : cfg.get(ConfigKey.FEATURES_TIMEFRAMES).split(",")) {
                if (!t.isBlank()) {
                    tfs.add(Timeframe.parse(t));
                }
            }
            maxBars = cfg.integer(ConfigKey.FEATURES_MAX_BARS);
            service = new FeaturesService(cfg.marketSymbols(), tfs, maxBars, cfg.integer(ConfigKey.FEATURES_CLOSE_GRACE_MS));
        } catch (RuntimeException e) {
            return Future.failedFuture(new CodedException(ErrorCode.CONFIG_INVALID, "features: " + e.getMessage()));
        }
        var bus = vertx.eventBus();
        for (String symbol : service.symbols()) {
            consumers.add(bus.<Tick>consumer(Addresses.marketTick(symbol), m -> onTick(m.body())));
        }
        consumers.add(bus.consumer(Addresses.FEATURES_LATEST_VECTOR, this::onLatest));
        consumers.add(bus.consumer(Addresses.FEATURES_LIST_METRICS, m -> m.reply(catalogue.list())));
        consumers.add(bus.<CandleHistory.Request>consumer(Addresses.FEATURES_CANDLES, this::onCandles));
        consumers.add(bus.<JsonObject>consumer(Addresses.FEATURES_COMPUTE_METRICS, this::onCompute));
        timerId = vertx.setPeriodic(1000, id -> publish(service.closeDue(Instant.now())));
        ctx.health().register("features", this::health);
        ctx.addRoutes(router -> router.get("/features/:symbol").handler(this::httpLatest));
        Future<?> registered = Future.all(consumers.stream().map(MessageConsumer::completion).toList());
        return registered.onSuccess(v -> warmAll(ctx.config().integer(ConfigKey.FEATURES_WARMUP_BARS)));
    }

    private void onTick(Tick t) {
        // the feed may deliver the same trade twice (ticker and match of one trade): count it once
        if (t == null || t.tradeId() != null && t.tradeId().equals(lastTradeId.put(t.symbol(), t.tradeId()))) {
            return;
        }
        publish(service.onTrade(t.symbol(), t.time(), t.price().doubleValue(), t.size().doubleValue()));
    }

    private void publish(List<FeatureVector> vectors) {
        if (vectors.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        for (FeatureVector v : vectors) {
            FeatureVector stamped = FeatureEngine.restamp(v, now);
            DeliveryOptions opts = Headers.of(VECTOR_TYPE, stamped.computedAt());
            vertx.eventBus().publish(Addresses.featuresVector(v.symbol()), stamped, opts);
            published++;
        }
    }

    private void warmAll(int warmupBars) {
        int bars = Math.min(warmupBars, maxBars);
        for (String symbol : service.symbols()) {
            for (Timeframe tf : service.timeframes()) {
                warm(symbol, tf, bars);
            }
        }
    }

    private void warm(String symbol, Timeframe tf, int bars) {
        Instant end = Instant.now();
        Instant start = tf.bucketStart(end).minusSeconds((long) tf.seconds() * bars);
        JsonObject req = new JsonObject().put("symbol", symbol).put("granularity", tf.seconds())
                .put("start", start.toString()).put("end", end.toString());
        String key = symbol + ":" + tf.label();
        warmState.put(key, "requested");
        vertx.eventBus().request(Addresses.MARKET_FETCH_CANDLES, req, new DeliveryOptions().setSendTimeout(WARM_TIMEOUT_MS))
                .map(reply -> CandleReplies.parse(reply.body(), symbol, tf.seconds()))
                .onComplete(ar -> {
                    List<Candle> history = ar.succeeded() ? ar.result() : List.of();
                    if (ar.failed()) {
                        LOG.warn("features: no history for {} {} ({}: {}); starting cold", symbol, tf,
                                Replies.codeOf(ar.cause()), ar.cause().getMessage());
                    }
                    publish(service.warm(symbol, tf.label(), history, Instant.now()));
                    int used = service.slot(symbol, tf.label()).warmBars();
                    warmState.put(key, ar.succeeded() ? "warm:" + used : "cold");
                    LOG.info("features: {} {} warmed with {} historical bars", symbol, tf, used);
                });
    }

    private void onLatest(Message<Object> m) {
        String symbol;
        String tf;
        if (m.body() instanceof JsonObject o) {
            symbol = o.getString("symbol");
            tf = o.getString("timeframe", service.primary().label());
        } else {
            symbol = m.body() == null ? null : String.valueOf(m.body());
            tf = service.primary().label();
        }
        symbol = symbol == null ? null : symbol.trim().toUpperCase();
        if (service.slot(symbol, tf) == null) {
            Replies.fail(m, ErrorCode.FEATURES_BAD_PARAMETER, "unknown symbol/timeframe " + symbol + " " + tf
                    + "; available symbols: " + service.symbols() + ", timeframes: " + labels());
            return;
        }
        FeatureVector v = service.latest(symbol, tf);
        if (v == null) {
            Replies.fail(m, ErrorCode.FEATURES_NOT_WARM, "no closed " + tf + " bar for " + symbol + " yet");
            return;
        }
        m.reply(FeatureEngine.restamp(v, Instant.now()), Headers.following(m, VECTOR_TYPE, Instant.now()));
    }

    private void onCandles(Message<CandleHistory.Request> m) {
        CandleHistory.Request r = m.body();
        CandleHistory h = service.history(r.symbol(), r.timeframe(), r.limit());
        if (h == null) {
            Replies.fail(m, ErrorCode.FEATURES_BAD_PARAMETER, "unknown symbol/timeframe " + r.symbol() + " " + r.timeframe()
                    + "; available symbols: " + service.symbols() + ", timeframes: " + labels());
            return;
        }
        m.reply(h);
    }

    /**
     * {@code GET /features/<SYMBOL>[?timeframe=5m]}: the latest vector as JSON. Runs on the HTTP
     * server's loop, so it asks through the bus instead of touching the service.
     */
    private void httpLatest(io.vertx.ext.web.RoutingContext rc) {
        JsonObject ask = new JsonObject().put("symbol", rc.pathParam("symbol"));
        String tf = rc.queryParams().get("timeframe");
        if (tf != null) {
            ask.put("timeframe", tf);
        }
        vertx.eventBus().<FeatureVector>request(Addresses.FEATURES_LATEST_VECTOR, ask).onComplete(ar -> {
            if (ar.succeeded()) {
                rc.response().putHeader("content-type", "application/json")
                        .end(io.tradingstack.bus.Json.write(io.tradingstack.bus.Plain.of(ar.result().body())));
                return;
            }
            ErrorCode code = Replies.codeOf(ar.cause());
            int status = code == ErrorCode.FEATURES_NOT_WARM ? 503 : code == ErrorCode.FEATURES_BAD_PARAMETER ? 404 : 500;
            rc.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(new JsonObject().put("error", code.name()).put("code", code.code())
                            .put("message", ar.cause().getMessage()).encode());
        });
    }

    private void onCompute(Message<JsonObject> m) {
        MetricsRequest req;
        try {
            req = MetricsRequest.parse(m.body(), maxBars);
            catalogue.select(req);
        } catch (CodedException e) {
            Replies.fail(m, e);
            return;
        }
        boolean fetchIfMissing = m.body() == null || !Boolean.FALSE.equals(m.body().getValue("fetch_if_missing"));
        Future<List<Bar>> bars;
        if (service.slot(req.symbol(), req.timeframe()) != null) {
            bars = Future.succeededFuture(service.bars(req.symbol(), req.timeframe()));
        } else if (fetchIfMissing) {
            bars = fetchBars(req);
        } else {
            Replies.fail(m, ErrorCode.FEATURES_BAD_PARAMETER, "no cached " + req.timeframe() + " bars for " + req.symbol()
                    + " and fetch_if_missing is false; cached symbols: " + service.symbols() + ", timeframes: " + labels());
            return;
        }
        bars.compose(b -> vertx.executeBlocking(() -> catalogue.compute(req, b), false))
                .onSuccess(m::reply)
                .onFailure(err -> Replies.fail(m, err));
    }

    /** Bars of a symbol/timeframe the service does not track, fetched once from the market component. */
    private Future<List<Bar>> fetchBars(MetricsRequest req) {
        Timeframe tf = Timeframe.parse(req.timeframe());
        Instant end = Instant.now();
        Instant start = tf.bucketStart(end).minusSeconds((long) tf.seconds() * req.limit());
        JsonObject ask = new JsonObject().put("symbol", req.symbol()).put("granularity", tf.seconds())
                .put("start", start.toString()).put("end", end.toString());
        return Replies.coded(vertx.eventBus().request(Addresses.MARKET_FETCH_CANDLES, ask,
                        new DeliveryOptions().setSendTimeout(WARM_TIMEOUT_MS)))
                .map(reply -> {
                    List<Candle> candles;
                    try {
                        candles = new ArrayList<>(CandleReplies.parse(reply.body(), req.symbol(), tf.seconds()));
                    } catch (IllegalArgumentException e) {
                        throw new CodedException(ErrorCode.BUS_BAD_MESSAGE, "market candles reply: " + e.getMessage());
                    }
                    candles.sort(Comparator.comparing(Candle::start));
                    BarSeries series = SeriesFactory.newSeries(req.symbol(), Math.max(1, req.limit()), SeriesFactory.NumKind.DOUBLE);
                    Instant last = Instant.MIN;
                    for (Candle c : candles) {
                        if (c.start().isAfter(last) && !c.end().isAfter(end)) {
                            SeriesFactory.append(series, c);
                            last = c.start();
                        }
                    }
                    return new ArrayList<>(series.getBarData());
                });
    }

    private List<String> labels() {
        return service.timeframes().stream().map(Timeframe::label).toList();
    }

    private Future<JsonObject> health() {
        JsonObject symbols = new JsonObject();
        for (String s : service.symbols()) {
            JsonObject per = new JsonObject();
            for (Timeframe tf : service.timeframes()) {
                FeaturesService.Slot slot = service.slot(s, tf.label());
                FeatureVector v = slot.engine().latest();
                per.put(tf.label(), new JsonObject()
                        .put("bars", slot.engine().bars())
                        .put("warm", warmState.getOrDefault(s + ":" + tf.label(), "pending"))
                        .put("lateTicks", slot.aggregator().late())
                        .put("lastBar", v == null ? null : v.barTime().toString()));
            }
            symbols.put(s, per);
        }
        return Future.succeededFuture(HealthRegistry.up().put("published", published)
                .put("timeframes", new JsonArray(labels())).put("symbols", symbols));
    }

    @Override
    public Future<?> stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        ctx.health().unregister("features");
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList());
    }
}
