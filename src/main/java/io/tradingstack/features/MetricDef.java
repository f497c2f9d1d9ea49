package io.tradingstack.features;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.Num;

/**
 * A catalogue metric: a name, its parameters, and how to build its ta4j indicators. Output
 * columns are named {@code NAME_p1_p2[_key]} as in the reference design (e.g. {@code RSI_14},
 * {@code MACD_12_26_9_signal}, {@code BBANDS_20_2.0_upper}).
 */
public record MetricDef(String name, String category, String description, List<MetricParam> params,
                        List<String> outputs, Builder builder) {

    /** Builds the indicators of one metric; keys are the output keys ("" for the main column). */
    @FunctionalInterface
    public interface Builder {
        Map<String, Indicator<Num>> build(BarSeries series, double[] p);
    }

    public String columnBase(double[] values) {
        StringBuilder sb = new StringBuilder(name);
        for (int i = 0; i < params.size(); i++) {
            sb.append('_').append(params.get(i).format(values[i]));
        }
        return sb.toString();
    }

    public static String column(String base, String key) {
        return key.isEmpty() ? base : base + "_" + key;
    }

    public double[] defaults() {
        double[] d = new double[params.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = params.get(i).defaultValue();
        }
        return d;
    }

    /** Defaults overridden by the caller's values, each validated. */
    public double[] resolve(Map<String, Object> given) {
        double[] v = defaults();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            int i = indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' for " + name + "; accepted: "
                        + (params.isEmpty() ? "none" : params.stream()
                        .map(p -> p.name() + " (" + p.accepted() + ", default " + p.format(p.defaultValue()) + ")")
                        .collect(Collectors.joining(", "))));
            }
            v[i] = params.get(i).accept(name, e.getValue());
        }
        return v;
    }

    private int indexOf(String param) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equalsIgnoreCase(param)) {
                return i;
            }
        }
        return -1;
    }

    public JsonObject toJson() {
        double[] d = defaults();
        String base = columnBase(d);
        return new JsonObject()
                .put("name", name)
                .put("category", category)
                .put("description", description)
                .put("params", new JsonArray(params.stream().map(MetricParam::toJson).toList()))
                .put("columns", new JsonArray(outputs.stream().map(k -> column(base, k)).toList()))
                .put("warmup", MetricWarmup.describe(name));
    }
}
