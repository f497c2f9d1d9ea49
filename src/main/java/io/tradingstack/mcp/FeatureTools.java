package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.features.MetricsRequest;
import io.tradingstack.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.anyObject;
import static io.tradingstack.mcp.Schemas.array;
import static io.tradingstack.mcp.Schemas.bool;
import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * list_technical_metrics / compute_technical_metrics: the features component's metrics catalogue.
 * As in the reference design these are not Temporal-backed: they are pure computations over the
 * in-memory candle series, answered by the features verticle's bus endpoints.
 */
final class FeatureTools {
    private final ToolContext ctx;

    FeatureTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        return List.of(
                ToolSpec.of("list_technical_metrics", Tier.MARKET, "The technical metrics that compute_technical_metrics "
                        + "accepts, with their parameters: {metrics, count, catalogue}.", Schemas.empty(), listResult(),
                        ToolSpec.Hints.READ, this::list),
                ToolSpec.of("compute_technical_metrics", Tier.MARKET, "Compute technical metrics (ta4j) over the cached "
                        + "candles of a symbol; returns the last `tail` rows in wide or long form. A value inside a "
                        + "metric's warm-up (its first `warmup` bars, see list_technical_metrics) is null.", computeSchema(),
                        computeResult(), ToolSpec.Hints.READ, this::compute));
    }

    private static Map<String, Object> computeSchema() {
        return object(props(
                "symbol", symbol("product id, e.g. BTC-USD"),
                "timeframe", string("candle timeframe, e.g. 1m, 5m, 15m, 1h (default 1h)"),
                "limit", integer("bars to compute over (default 500)", 1, 100_000, 500L),
                "features", array(string("metric name"), "metric names; omit for all"),
                "params", anyObject("per-metric parameters {METRIC: {param: value}}"),
                "output", enumOf("wide = one row per bar, long = one row per bar and metric", "wide", "long"),
                "tail", integer("rows to return (default 50)", 1, 100_000, 50L),
                "use_cache", bool("accepted for compatibility; data always comes from the live candle series", true),
                "fetch_if_missing", bool("accepted for compatibility; the series is warmed from market history at start", true)),
                "symbol");
    }

    private static Map<String, Object> listResult() {
        Map<String, Object> param = Schemas.result(props("name", string("parameter"),
                "type", enumOf("int or float", "int", "float"), "default", Schemas.number("default value"),
                "min", Schemas.number("smallest accepted"), "max", Schemas.number("largest accepted"),
                "description", string("meaning")));
        Map<String, Object> metric = Schemas.result(props("name", string("metric name"),
                "category", enumOf("family", "trend", "momentum", "volatility", "volume"),
                "description", string("what it computes"), "params", array(param, "parameters"),
                "columns", array(string("output column with default parameters"), "output columns"),
                "warmup", string("leading bars that are null, as a formula of the parameters")));
        return Schemas.result(props("metrics", array(string("metric name"), "names"),
                "count", Schemas.count("number of metrics"), "catalogue", array(metric, "every metric")));
    }

    private static Map<String, Object> computeResult() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("type", "object");
        row.put("description", "wide: {timestamp, open, high, low, close, volume, <column>: value|null}; "
                + "long: {timestamp, feature, key, value|null}");
        row.put("properties", props("timestamp", Schemas.time("bar start")));
        row.put("required", List.of("timestamp"));
        row.put("additionalProperties", Map.of("type", List.of("number", "string", "null")));
        return Schemas.result(props("symbol", string("product"), "timeframe", string("bar size"),
                "limit", Schemas.count("bars requested"), "features", array(string("metric"), "metrics computed"),
                "columns", array(string("column"), "output columns"),
                "params", Schemas.mapOf(Schemas.mapOf(Schemas.number("value"), "parameters used"), "per metric"),
                "output", enumOf("shape", "wide", "long"), "rows", Schemas.count("bars computed over"),
                "tail", Schemas.count("bars in the preview"), "preview", array(row, "the last `tail` bars, oldest first")));
    }

    private Future<ToolResult> list(ToolCall call) {
        return BusCalls.request(ctx.vertx(), Addresses.FEATURES_LIST_METRICS, new JsonObject()).map(ToolResult::ok);
    }

    private Future<ToolResult> compute(ToolCall call) {
        String symbol = call.string("symbol", "");
        ToolResult unknown = ctx.unknownSymbol(List.of(symbol));
        if (unknown != null) {
            return Future.succeededFuture(unknown);
        }
        JsonObject body = new JsonObject(new java.util.LinkedHashMap<>(call.arguments()));
        body.remove("use_cache");
        body.remove("fetch_if_missing");
        MetricsRequest request = MetricsRequest.parse(body, ctx.config().integer(ConfigKey.FEATURES_MAX_BARS));
        return BusCalls.request(ctx.vertx(), Addresses.FEATURES_COMPUTE_METRICS, request).map(ToolResult::ok);
    }
}
