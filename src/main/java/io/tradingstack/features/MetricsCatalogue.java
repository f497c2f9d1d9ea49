package io.tradingstack.features;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ta4j.core.Bar;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * The technical-metrics catalogue: lists the ta4j metrics with their parameters and computes
 * them over OHLCV bars in the reference design's wide or long shape. A value inside a column's
 * warm-up ({@link MetricWarmup}), or not finite, is null.
 */
public final class MetricsCatalogue {
    private final Map<String, MetricDef> defs = new LinkedHashMap<>();

    public MetricsCatalogue() {
        for (MetricDef d : MetricDefinitions.all()) {
            defs.put(d.name(), d);
        }
    }

    public List<MetricDef> definitions() {
        return List.copyOf(defs.values());
    }

    /** {@code {metrics:[names], count, catalogue:[{name, category, description, params, columns}]}}. */
    public JsonObject list() {
        return new JsonObject()
                .put("metrics", new JsonArray(new ArrayList<>(defs.keySet())))
                .put("count", defs.size())
                .put("catalogue", new JsonArray(defs.values().stream().map(MetricDef::toJson).toList()));
    }

    /** A metric and its resolved parameter values. */
    public record Selected(MetricDef def, double[] values) {
    }

    /** Resolves names and parameters, failing with a message that lists what is accepted. */
    public List<Selected> select(MetricsRequest req) {
        for (String name : req.params().keySet()) {
            lookup(name);
        }
        List<String> names = req.features() == null ? new ArrayList<>(defs.keySet()) : req.features();
        if (names.isEmpty()) {
            throw new CodedException(ErrorCode.FEATURES_UNKNOWN_INDICATOR, "features is empty; accepted: " + accepted());
        }
        List<Selected> out = new ArrayList<>();
        for (String name : names) {
            MetricDef d = lookup(name);
            Map<String, Object> given = req.params().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(d.name()))
                    .findFirst().map(Map.Entry::getValue).orElse(Map.of());
            try {
                out.add(new Selected(d, d.resolve(given)));
            } catch (IllegalArgumentException e) {
                throw new CodedException(ErrorCode.FEATURES_BAD_PARAMETER, e.getMessage());
            }
        }
        return out;
    }

    private MetricDef lookup(String name) {
        MetricDef d = defs.get(name.trim().toUpperCase(Locale.ROOT));
        if (d == null) {
            throw new CodedException(ErrorCode.FEATURES_UNKNOWN_INDICATOR,
                    "unknown metric '" + name + "'; accepted: " + accepted());
        }
        return d;
    }

    private String accepted() {
        return String.join(", ", defs.keySet());
    }

    /**
     * Computes the request over {@code bars} (oldest first, at most {@code req.limit()} are used).
     * Safe to call off the event loop: it builds its own series from the (immutable) bars.
     */
    public JsonObject compute(MetricsRequest req, List<Bar> bars) {
        List<Selected> selected = select(req);
        if (bars.isEmpty()) {
            throw new CodedException(ErrorCode.FEATURES_NOT_WARM,
                    "no " + req.timeframe() + " bars cached for " + req.symbol() + " yet");
        }
        List<Bar> used = new ArrayList<>(bars.subList(Math.max(0, bars.size() - req.limit()), bars.size()));
        BarSeries series = new BaseBarSeriesBuilder().withName(req.symbol() + ":" + req.timeframe())
                .withNumTypeOf(used.get(0).getClosePrice().getClass().asSubclass(Num.class)).withBars(used).build();
        List<String> columns = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<Indicator<Num>> indicators = new ArrayList<>();
        List<Integer> warmups = new ArrayList<>();
        for (Selected s : selected) {
            String base = s.def().columnBase(s.values());
            s.def().builder().build(series, s.values()).forEach((key, ind) -> {
                columns.add(MetricDef.column(base, key));
                owners.add(s.def().name());
                indicators.add(ind);
                warmups.add(MetricWarmup.bars(s.def().name(), key, s.values()));
            });
        }
        int n = series.getBarCount();
        int from = Math.max(0, n - req.tail());
        JsonArray preview = new JsonArray();
        for (int i = from; i < n; i++) {
            Bar bar = series.getBar(i);
            String ts = bar.getBeginTime().toInstant().toString();
            JsonObject row = req.wide() ? ohlcv(ts, bar) : null;
            for (int c = 0; c < columns.size(); c++) {
                Double v = i < warmups.get(c) ? null : value(indicators.get(c), i);
                if (req.wide()) {
                    row.put(columns.get(c), v);
                } else {
                    preview.add(new JsonObject().put("timestamp", ts).put("feature", owners.get(c))
                            .put("key", columns.get(c)).put("value", v));
                }
            }
            if (row != null) {
                preview.add(row);
            }
        }
        return new JsonObject()
                .put("symbol", req.symbol())
                .put("timeframe", req.timeframe())
                .put("limit", req.limit())
                .put("features", new JsonArray(selected.stream().map(s -> s.def().name()).distinct().toList()))
                .put("columns", new JsonArray(columns))
                .put("params", params(selected))
                .put("output", req.wide() ? "wide" : "long")
                .put("rows", n)
                .put("tail", n - from)
                .put("preview", preview);
    }

    private static JsonObject params(List<Selected> selected) {
        JsonObject out = new JsonObject();
        for (Selected s : selected) {
            JsonObject p = new JsonObject();
            for (int i = 0; i < s.values().length; i++) {
                MetricParam mp = s.def().params().get(i);
                p.put(mp.name(), mp.integer() ? (Object) (long) s.values()[i] : (Object) s.values()[i]);
            }
            out.put(s.def().name(), p);
        }
        return out;
    }

    private static JsonObject ohlcv(String ts, Bar bar) {
        return new JsonObject().put("timestamp", ts)
                .put("open", bar.getOpenPrice().doubleValue()).put("high", bar.getHighPrice().doubleValue())
                .put("low", bar.getLowPrice().doubleValue()).put("close", bar.getClosePrice().doubleValue())
                .put("volume", bar.getVolume().doubleValue());
    }

    private static Double value(Indicator<Num> ind, int i) {
        Num v = ind.getValue(i);
        if (v == null || v.isNaN()) {
            return null;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) ? d : null;
    }
}
