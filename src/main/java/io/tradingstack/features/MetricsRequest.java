package io.tradingstack.features;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compute request in the reference design's shape (tool #13): {@code symbol}, {@code timeframe}
 * (default 1h), {@code limit} (500), {@code features} (null = all), {@code params}
 * ({@code {NAME: {param: value}}}), {@code output} ({@code wide} | {@code long}), {@code tail} (50).
 * Data comes from the in-memory series of the tracked symbols and timeframes; others are fetched
 * from the market component unless {@code fetch_if_missing} is false. The reference's file options
 * ({@code use_cache}, {@code data_path}) have no meaning here and are ignored.
 * <p>
 * Also the body of {@code ts.features.compute-metrics}: {@link #parse} checks the user's JSON where
 * it arrives (FEATURES_BAD_PARAMETER, bounds from FEATURES_MAX_BARS); the features component checks
 * the bounds again against its own FEATURES_MAX_BARS ({@link #checkLimits}) and the metric names.
 */
public record MetricsRequest(String symbol, String timeframe, int limit, List<String> features,
                             Map<String, Map<String, Object>> params, boolean wide, int tail, boolean fetchIfMissing) {
    /** The records of the compute endpoint, each with a codec. */
    public static final List<Class<? extends Record>> MESSAGES = List.of(MetricsRequest.class);

    public MetricsRequest {
        if (symbol == null || symbol.isBlank()) {
            throw bad("symbol is required, e.g. \"BTC-USD\"");
        }
        symbol = symbol.trim().toUpperCase();
        if (timeframe == null) {
            throw bad("timeframe is required, e.g. \"1h\"");
        }
        timeframe = label(timeframe);
        if (limit < 1 || tail < 1) {
            throw bad("limit and tail must be at least 1, got " + limit + " and " + tail);
        }
        if (features != null && features.stream().anyMatch(java.util.Objects::isNull)) {
            throw bad("features must be a list of metric names, got null");
        }
        features = features == null ? null : List.copyOf(features);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Fails as {@link #parse} would when {@code limit} or {@code tail} exceeds {@code maxLimit}. */
    public MetricsRequest checkLimits(int maxLimit) {
        if (limit > maxLimit) {
            throw bad("limit must be an integer in [1, " + maxLimit + "], got " + limit);
        }
        if (tail > maxLimit) {
            throw bad("tail must be an integer in [1, " + maxLimit + "], got " + tail);
        }
        return this;
    }

    public static MetricsRequest parse(JsonObject body, int maxLimit) {
        if (body == null) {
            throw bad("request body must be a JSON object");
        }
        String symbol = body.getValue("symbol") instanceof String s && !s.isBlank() ? s.trim().toUpperCase() : null;
        if (symbol == null) {
            throw bad("symbol is required, e.g. \"BTC-USD\"");
        }
        String timeframe = label(body.getValue("timeframe") == null ? "1h" : String.valueOf(body.getValue("timeframe")));
        int limit = intField(body, "limit", 500, 1, maxLimit);
        int tail = intField(body, "tail", 50, 1, maxLimit);
        String output = body.getValue("output") == null ? "wide" : String.valueOf(body.getValue("output"));
        if (!output.equals("wide") && !output.equals("long")) {
            throw bad("output must be \"wide\" or \"long\", got \"" + output + "\"");
        }
        return new MetricsRequest(symbol, timeframe, limit, features(body.getValue("features")),
                params(body.getValue("params")), output.equals("wide"), tail,
                !Boolean.FALSE.equals(body.getValue("fetch_if_missing")));
    }

    private static String label(String timeframe) {
        try {
            return Timeframe.parse(timeframe).label();
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static List<String> features(Object raw) {
        if (raw == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        if (raw instanceof String s) {
            Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(names::add);
        } else if (raw instanceof JsonArray a) {
            for (Object o : a) {
                if (!(o instanceof String s)) {
                    throw bad("features must be a list of metric names, got " + o);
                }
                names.add(s.trim());
            }
        } else {
            throw bad("features must be a list of metric names or null for all");
        }
        return names;
    }

    private static Map<String, Map<String, Object>> params(Object raw) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof JsonObject o)) {
            throw bad("params must be an object {METRIC: {param: value}}");
        }
        for (String metric : o.fieldNames()) {
            if (!(o.getValue(metric) instanceof JsonObject p)) {
                throw bad("params." + metric + " must be an object {param: value}");
            }
            out.put(metric, p.getMap());
        }
        return out;
    }

    private static int intField(JsonObject body, String name, int def, int min, int max) {
        Object v = body.getValue(name);
        if (v == null) {
            return Math.min(def, max);
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            throw bad(name + " must be an integer in [" + min + ", " + max + "], got " + v);
        }
        return n.intValue();
    }

    private static CodedException bad(String text) {
        return new CodedException(ErrorCode.FEATURES_BAD_PARAMETER, text);
    }
}
