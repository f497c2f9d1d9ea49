package io.tradingstack.features;

import io.vertx.core.json.JsonObject;

/** One parameter of a catalogue metric: an integer or a real number with a default and bounds. */
public record MetricParam(String name, boolean integer, double defaultValue, double min, double max, String description) {

    public static MetricParam intParam(String name, int def, int min, int max, String description) {
        return new MetricParam(name, true, def, min, max, description);
    }

    public static MetricParam realParam(String name, double def, double min, double max, String description) {
        return new MetricParam(name, false, def, min, max, description);
    }

    /** Validates a caller's value; the message says what is accepted. */
    public double accept(String metric, Object raw) {
        if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException(metric + "." + name + " must be " + accepted() + ", got " + raw);
        }
        double v = n.doubleValue();
        if (integer && v != Math.rint(v) || v < min || v > max) {
            throw new IllegalArgumentException(metric + "." + name + " must be " + accepted() + ", got " + raw);
        }
        return v;
    }

    public String accepted() {
        return integer
                ? "an integer in [" + (long) min + ", " + (long) max + "]"
                : "a number in [" + min + ", " + max + "]";
    }

    /** The default as written in column names: integers without a decimal point. */
    public String format(double v) {
        return integer ? Long.toString((long) v) : Double.toString(v);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("name", name)
                .put("type", integer ? "int" : "float")
                .put("default", integer ? (Object) (long) defaultValue : (Object) defaultValue)
                .put("min", integer ? (Object) (long) min : (Object) min)
                .put("max", integer ? (Object) (long) max : (Object) max)
                .put("description", description);
    }
}
