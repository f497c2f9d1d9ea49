package io.tradingstack.features;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.HealthRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ta4j.core.Bar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The features component's answers, without the bus: the latest vector of a symbol/timeframe, the
 * bars a metrics request is computed on (cached, or fetched when allowed), the warm-up bookkeeping
 * and the health report. The verticle replies with what this returns or throws.
 */
final class FeaturesDesk {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesDesk.class);
    private final FeaturesService service;
    private final MetricsCatalogue catalogue = new MetricsCatalogue();
    private final int maxBars;
    private final Map<String, String> warmState = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTradeId = new ConcurrentHashMap<>();
    private long published;

    FeaturesDesk(FeaturesService service, int maxBars) {
        this.service = service;
        this.maxBars = maxBars;
    }

    /** The desk of this node's configuration; a bad timeframe list or size fails with CONFIG_INVALID. */
    static FeaturesDesk configured(AppConfig cfg) {
        try {
            List<Timeframe> tfs = new ArrayList<>();
            for (String t : cfg.get(ConfigKey.FEATURES_TIMEFRAMES).split(",")) {
                if (!t.isBlank()) {
                    tfs.add(Timeframe.parse(t));
                }
            }
            int maxBars = cfg.integer(ConfigKey.FEATURES_MAX_BARS);
            return new FeaturesDesk(new FeaturesService(cfg.marketSymbols(), tfs, maxBars,
                    cfg.integer(ConfigKey.FEATURES_CLOSE_GRACE_MS)), maxBars);
        } catch (RuntimeException e) {
            throw new CodedException(ErrorCode.CONFIG_INVALID, "features: " + e.getMessage());
        }
    }

    FeaturesService service() {
        return service;
    }

    int maxBars() {
        return maxBars;
    }

    /** A trade into the candles; the vectors of the bars it closes. The feed may deliver one trade twice (ticker and match): counted once. */
    List<FeatureVector> onTick(Tick t) {
        if (t == null || t.tradeId() != null && t.tradeId().equals(lastTradeId.put(t.symbol(), t.tradeId()))) {
            return List.of();
        }
        return service.onTrade(t.symbol(), t.time(), t.price().doubleValue(), t.size().doubleValue());
    }

    void countPublished(int n) {
        published += n;
    }

    void warmRequested(String symbol, Timeframe tf) {
        warmState.put(symbol + ":" + tf.label(), "requested");
    }

    /** Warms a slot with the history fetched (cold when it could not be had); the vectors its closed bars give. */
    List<FeatureVector> warm(String symbol, Timeframe tf, AsyncResult<List<Candle>> history) {
        if (history.failed()) {
            LOG.warn("features: no history for {} {} ({}: {}); starting cold", symbol, tf,
                    Replies.codeOf(history.cause()), history.cause().getMessage());
        }
        List<FeatureVector> out = service.warm(symbol, tf.label(), history.succeeded() ? history.result() : List.of(), Instant.now());
        int used = service.slot(symbol, tf.label()).warmBars();
        warmState.put(symbol + ":" + tf.label(), history.succeeded() ? "warm:" + used : "cold");
        LOG.info("features: {} {} warmed with {} historical bars", symbol, tf, used);
        return out;
    }

    /** The candle history of a symbol/timeframe; a coded failure when either is unknown. */
    CandleHistory candles(CandleHistory.Request r) {
        CandleHistory h = service.history(r.symbol(), r.timeframe(), r.limit());
        if (h == null) {
            throw new CodedException(ErrorCode.FEATURES_BAD_PARAMETER, "unknown symbol/timeframe " + r.symbol() + " "
                    + r.timeframe() + "; available symbols: " + service.symbols());
        }
        return h;
    }

    /** The latest vector asked by a symbol (text) or a {symbol, timeframe} object; coded failures. */
    FeatureVector latest(Object body) {
        String symbol;
        String tf;
        if (body instanceof JsonObject o) {
            symbol = o.getString("symbol");
            tf = o.getString("timeframe", service.primary().label());
        } else {
            symbol = body == null ? null : String.valueOf(body);
            tf = service.primary().label();
        }
        symbol = symbol == null ? null : symbol.trim().toUpperCase();
        if (service.slot(symbol, tf) == null) {
            throw new CodedException(ErrorCode.FEATURES_BAD_PARAMETER, "unknown symbol/timeframe " + symbol + " " + tf
                    + "; available symbols: " + service.symbols() + ", timeframes: " + labels());
        }
        FeatureVector v = service.latest(symbol, tf);
        if (v == null) {
            throw new CodedException(ErrorCode.FEATURES_NOT_WARM, "no closed " + tf + " bar for " + symbol + " yet");
        }
        return v;
    }

    /** A metrics request checked against this node's bar bound and the catalogue; coded failures. */
    MetricsRequest metricsRequest(Object body) {
        if (!(body instanceof MetricsRequest req)) {
            throw new CodedException(ErrorCode.FEATURES_BAD_PARAMETER, "expected a MetricsRequest body, got "
                    + (body == null ? "null" : body.getClass().getSimpleName()));
        }
        catalogue.select(req.checkLimits(maxBars));
        return req;
    }

    /** The bars of a request: the tracked series, else fetched unless {@code fetch_if_missing} is false. */
    Future<List<Bar>> bars(MetricsRequest req, Function<MetricsRequest, Future<List<Bar>>> fetch) {
        if (service.slot(req.symbol(), req.timeframe()) != null) {
            return Future.succeededFuture(service.bars(req.symbol(), req.timeframe()));
        }
        if (!req.fetchIfMissing()) {
            return Future.failedFuture(new CodedException(ErrorCode.FEATURES_BAD_PARAMETER, "no cached " + req.timeframe()
                    + " bars for " + req.symbol() + " and fetch_if_missing is false; cached symbols: " + service.symbols()
                    + ", timeframes: " + labels()));
        }
        return fetch.apply(req);
    }

    JsonObject compute(MetricsRequest req, List<Bar> bars) {
        return catalogue.compute(req, bars);
    }

    JsonObject catalogue() {
        return catalogue.list();
    }

    JsonObject health() {
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
        return HealthRegistry.up().put("published", published).put("timeframes", new JsonArray(labels())).put("symbols", symbols);
    }

    private List<String> labels() {
        return service.timeframes().stream().map(Timeframe::label).toList();
    }
}
