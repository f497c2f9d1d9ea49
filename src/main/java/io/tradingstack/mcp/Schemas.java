package io.tradingstack.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder for the JSON Schemas of tool arguments (draft 2020-12 keywords only). */
public final class Schemas {
    /** A product id as Coinbase spells it: BASE-QUOTE in capitals. */
    public static final String SYMBOL_PATTERN = "^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$";

    private Schemas() {
    }

    public static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        if (required.length > 0) {
            s.put("required", List.of(required));
        }
        s.put("additionalProperties", false);
        return s;
    }

    /** An object that also accepts keys it does not describe. */
    public static Map<String, Object> openObject(Map<String, Object> properties, String... required) {
        Map<String, Object> s = object(properties, required);
        s.put("additionalProperties", true);
        return s;
    }

    public static Map<String, Object> empty() {
        return object(new LinkedHashMap<>());
    }

    public static Map<String, Object> props(Object... pairs) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            p.put((String) pairs[i], pairs[i + 1]);
        }
        return p;
    }

    /** Longest string a tool argument may hold unless its input schema says less (see {@link #bounded}). */
    public static final int MAX_STRING = 256;

    /**
     * An input schema in which every string (a property, an array item, a value of a free-form
     * object) has a maxLength: {@link #MAX_STRING} unless it already says less. Applied to every
     * tool's input schema by the catalogue, so no tool can forget it; output schemas are left alone.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> bounded(Map<String, Object> schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        schema.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                out.put(k, bounded((Map<String, Object>) m));
            } else if (v instanceof List<?> l && !"type".equals(k)) {
                out.put(k, l.stream().map(x -> x instanceof Map<?, ?> m ? bounded((Map<String, Object>) m) : x).toList());
            } else {
                out.put(k, v);
            }
        });
        Object type = schema.get("type");
        boolean string = "string".equals(type) || (type instanceof List<?> l && l.contains("string"));
        if (string && !schema.containsKey("maxLength")) {
            out.put("maxLength", MAX_STRING);
        }
        if ("object".equals(type) && Boolean.TRUE.equals(schema.getOrDefault("additionalProperties", Boolean.TRUE))
                && !(schema.get("additionalProperties") instanceof Map)) {
            // free-form values: strings among them are bounded too
            out.put("additionalProperties", Map.of("maxLength", MAX_STRING));
        }
        return out;
    }

    public static Map<String, Object> string(String description) {
        return with("string", description);
    }

    public static Map<String, Object> string(String description, int maxLength) {
        Map<String, Object> s = with("string", description);
        s.put("maxLength", maxLength);
        return s;
    }

    public static Map<String, Object> symbol(String description) {
        Map<String, Object> s = string(description);
        s.put("pattern", SYMBOL_PATTERN);
        return s;
    }

    public static Map<String, Object> symbols(String description) {
        Map<String, Object> s = array(symbol("product id, e.g. BTC-USD"), description);
        s.put("minItems", 1);
        s.put("maxItems", 20);
        return s;
    }

    public static Map<String, Object> enumOf(String description, String... values) {
        Map<String, Object> s = string(description);
        s.put("enum", List.of(values));
        return s;
    }

    public static Map<String, Object> integer(String description, long min, long max, Long defaultValue) {
        Map<String, Object> s = with("integer", description);
        s.put("minimum", min);
        s.put("maximum", max);
        if (defaultValue != null) {
            s.put("default", defaultValue);
        }
        return s;
    }

    public static Map<String, Object> positiveNumber(String description) {
        Map<String, Object> s = with("number", description);
        s.put("exclusiveMinimum", 0);
        return s;
    }

    public static Map<String, Object> bool(String description, boolean defaultValue) {
        Map<String, Object> s = with("boolean", description);
        s.put("default", defaultValue);
        return s;
    }

    public static Map<String, Object> array(Map<String, Object> items, String description) {
        Map<String, Object> s = with("array", description);
        s.put("items", items);
        return s;
    }

    public static Map<String, Object> number(String description) {
        return with("number", description);
    }

    public static Map<String, Object> count(String description) {
        Map<String, Object> s = with("integer", description);
        s.put("minimum", 0);
        return s;
    }

    public static Map<String, Object> anyObject(String description) {
        return with("object", description);
    }

    // ---- results: their schemas are derived from their records (bus.PlainSchema); here only the error body

    /** The declared result or, when isError, the error body {error, code, message, ...details}. */
    public static Map<String, Object> resultOrError(Map<String, Object> ok) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("type", "object");
        err.put("properties", props("error", string("error code name, e.g. ORDER_INSUFFICIENT_CASH"),
                "code", with("integer", "numeric error code (bus.ErrorCode)"), "message", string("what went wrong")));
        err.put("required", List.of("error", "code", "message"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("anyOf", List.of(ok, err));
        return s;
    }

    /** An object keyed by names (symbols, metrics) with values of one schema. */
    public static Map<String, Object> mapOf(Map<String, Object> values, String description) {
        Map<String, Object> s = with("object", description);
        s.put("additionalProperties", values);
        return s;
    }

    private static Map<String, Object> with(String type, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        s.put("description", description);
        return s;
    }
}
