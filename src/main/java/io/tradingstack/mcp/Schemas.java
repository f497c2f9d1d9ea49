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

    /** Longest string a tool argument may hold unless its schema says less. */
    public static final int MAX_STRING = 256;

    /** A string of at most {@link #MAX_STRING} characters. */
    public static Map<String, Object> string(String description) {
        return string(description, MAX_STRING);
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

    public static Map<String, Object> anyObject(String description) {
        return with("object", description);
    }

    private static Map<String, Object> with(String type, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        s.put("description", description);
        return s;
    }
}
