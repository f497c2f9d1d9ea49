package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Doc;
import io.tradingstack.features.MetricsRequest;
import io.tradingstack.runtime.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashMap;
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
                        + "accepts, with their parameters: {metrics, count, catalogue}.", Schemas.empty(), Catalogue.class,
                        ToolSpec.Hints.READ, this::list),
                ToolSpec.of("compute_technical_metrics", Tier.MARKET, "Compute technical metrics (ta4j) over the cached "
                        + "candles of a symbol; returns the last `tail` rows in wide or long form. A value inside a "
                        + "metric's warm-up (its first `warmup` bars, see list_technical_metrics) is null.", computeSchema(),
                        Computed.class, ToolSpec.Hints.READ, this::compute));
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

    @Doc("the metrics compute_technical_metrics accepts")
    record Catalogue(@Doc("metric names") List<String> metrics,
                     @Doc(value = "number of metrics", min = 0) int count,
                     @Doc("every metric") List<Metric> catalogue) {

        static Catalogue of(Map<String, Object> reply) {
            return new Catalogue(strings(reply.get("metrics")), ((Number) reply.get("count")).intValue(),
                    maps(reply.get("catalogue")).stream().map(Metric::of).toList());
        }
    }

    /** One catalogue metric. */
    record Metric(@Doc("metric name") String name,
                  @Doc(value = "family", oneOf = {"trend", "momentum", "volatility", "volume"}) String category,
                  @Doc("what it computes") String description,
                  @Doc("parameters") List<Param> params,
                  @Doc("output columns with default parameters") List<String> columns,
                  @Doc("leading bars that are null, as a formula of the parameters") String warmup) {

        static Metric of(Map<String, Object> m) {
            return new Metric(String.valueOf(m.get("name")), String.valueOf(m.get("category")),
                    String.valueOf(m.get("description")), maps(m.get("params")).stream().map(Param::of).toList(),
                    strings(m.get("columns")), String.valueOf(m.get("warmup")));
        }
    }

    /** One parameter of a metric. */
    record Param(@Doc("parameter") String name, @Doc(value = "int or float", oneOf = {"int", "float"}) String type,
                 @Doc(value = "default value", key = "default") Number defaultValue, @Doc("smallest accepted") Number min,
                 @Doc("largest accepted") Number max, @Doc("meaning") String description) {

        static Param of(Map<String, Object> m) {
            return new Param(String.valueOf(m.get("name")), String.valueOf(m.get("type")), (Number) m.get("default"),
                    (Number) m.get("min"), (Number) m.get("max"), String.valueOf(m.get("description")));
        }
    }

    @Doc("technical metrics over the cached candles of a symbol")
    record Computed(@Doc("product") String symbol, @Doc("bar size") String timeframe,
                    @Doc(value = "bars requested", min = 0) int limit, @Doc("metrics computed") List<String> features,
                    @Doc("output columns") List<String> columns,
                    @Doc("parameters used per metric") Map<String, Map<String, Number>> params,
                    @Doc(value = "shape", oneOf = {"wide", "long"}) String output,
                    @Doc(value = "bars computed over", min = 0) int rows,
                    @Doc(value = "bars in the preview", min = 0) int tail,
                    @Doc("the last `tail` bars, oldest first") List<Row> preview) {

        @SuppressWarnings("unchecked")
        static Computed of(Map<String, Object> m) {
            return new Computed(String.valueOf(m.get("symbol")), String.valueOf(m.get("timeframe")),
                    ((Number) m.get("limit")).intValue(), strings(m.get("features")), strings(m.get("columns")),
                    (Map<String, Map<String, Number>>) m.get("params"), String.valueOf(m.get("output")),
                    ((Number) m.get("rows")).intValue(), ((Number) m.get("tail")).intValue(),
                    maps(m.get("preview")).stream().map(Row::of).toList());
        }
    }

    /** A preview row: its bar start, then its columns (named by metric and parameters, so an open set). */
    record Row(@Doc("bar start") Instant timestamp,
               @Doc(value = "wide: open, high, low, close, volume and a value (null inside the warm-up) per column; "
                       + "long: feature, key and value (null inside the warm-up)", spread = true) Map<String, Object> values) {

        static Row of(Map<String, Object> m) {
            Map<String, Object> values = new LinkedHashMap<>(m);
            values.remove("timestamp");
            return new Row(Instant.parse(String.valueOf(m.get("timestamp"))), values);
        }
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object v) {
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private Future<ToolResult> list(ToolCall call) {
        return BusCalls.request(ctx.vertx(), Addresses.FEATURES_LIST_METRICS, new JsonObject())
                .map(reply -> ToolResult.ok(Catalogue.of(reply)));
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
        return BusCalls.request(ctx.vertx(), Addresses.FEATURES_COMPUTE_METRICS, request)
                .map(reply -> ToolResult.ok(Computed.of(reply)));
    }
}
