package io.tradingstack.llm.offline;

import io.tradingstack.llm.LlmRequest;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a structured answer from the response schema and the request's context: each property
 * takes the context value of the same name when it fits the property's schema (type, enum,
 * bounds), else the schema's const, default, first enum value or lower bound; text properties
 * without a value say which context they were derived from. Agents with real rules register their
 * own responder for their task; this one answers every other schema'd request, and tests steer it
 * through the context.
 */
public final class StructuredResponder implements OfflineResponder {
    public static final String TASK = "structured";
    private static final int MAX_DEPTH = 8;

    @Override
    public Set<String> tasks() {
        return Set.of(TASK);
    }

    @Override
    public OfflineReply respond(LlmRequest request) {
        if (request.responseSchema() == null) {
            return new TextResponder().respond(request);
        }
        return OfflineReply.json(build(request.responseSchema().schema(), "answer", request.context(), 0));
    }

    @SuppressWarnings("unchecked")
    private Object build(Map<String, Object> schema, String name, Map<String, Object> context, int depth) {
        Object fromContext = find(context, name);
        if (fromContext != null && fits(schema, fromContext)) {
            return fromContext;
        }
        if (schema.containsKey("const")) {
            return schema.get("const");
        }
        if (schema.containsKey("default")) {
            return schema.get("default");
        }
        if (schema.get("enum") instanceof List<?> options && !options.isEmpty()) {
            return options.get(0);
        }
        if (schema.get("anyOf") instanceof List<?> alts && !alts.isEmpty()) {
            return build((Map<String, Object>) alts.get(0), name, context, depth);
        }
        if (schema.get("oneOf") instanceof List<?> alts && !alts.isEmpty()) {
            return build((Map<String, Object>) alts.get(0), name, context, depth);
        }
        return byType(schema, name, context, depth);
    }

    @SuppressWarnings("unchecked")
    private Object byType(Map<String, Object> schema, String name, Map<String, Object> context, int depth) {
        return switch (ArgumentReader.type(schema)) {
            case "object" -> depth >= MAX_DEPTH ? Map.of() : object(schema, name, context, depth);
            case "array" -> array(schema, name, context, depth);
            case "number", "integer" -> lowerBound(schema);
            case "boolean" -> Boolean.FALSE;
            case "null" -> null;
            default -> text(schema, context);
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> schema, String name, Map<String, Object> context, int depth) {
        Map<String, Object> nested = find(context, name) instanceof Map<?, ?> m ? (Map<String, Object>) m : context;
        Map<String, Object> props = schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        List<?> required = schema.get("required") instanceof List<?> r ? r : List.of();
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((key, sub) -> {
            if (required.contains(key) || find(nested, key) != null) {
                out.put(key, build((Map<String, Object>) sub, key, nested, depth + 1));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object> array(Map<String, Object> schema, String name, Map<String, Object> context, int depth) {
        int min = schema.get("minItems") instanceof Number n ? n.intValue() : 0;
        List<Object> out = new ArrayList<>();
        Map<String, Object> items = schema.get("items") instanceof Map<?, ?> i ? (Map<String, Object>) i : Map.of();
        for (int k = 0; k < Math.min(min, 16); k++) {
            out.add(build(items, name + "_" + k, context, depth + 1));
        }
        return out;
    }

    private static Object lowerBound(Map<String, Object> schema) {
        Object min = schema.get("minimum");
        if (min instanceof Number n) {
            return n;
        }
        return BigDecimal.ZERO;
    }

    private static String text(Map<String, Object> schema, Map<String, Object> context) {
        int min = schema.get("minLength") instanceof Number n ? n.intValue() : 0;
        String out = context.isEmpty() ? "offline rules: no context given"
                : "offline rules over " + String.join(", ", context.keySet());
        return out.length() >= min ? out : out + " ".repeat(min - out.length());
    }

    /** Whether a context value can stand for a property: same JSON type, in the enum, within bounds. */
    private static boolean fits(Map<String, Object> schema, Object value) {
        if (schema.get("enum") instanceof List<?> options && !options.contains(value)) {
            return false;
        }
        String type = ArgumentReader.type(schema);
        return switch (type) {
            case "string" -> value instanceof String;
            case "number" -> value instanceof Number n && inBounds(schema, n);
            case "integer" -> value instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0
                    && inBounds(schema, n);
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> true;
        };
    }

    private static boolean inBounds(Map<String, Object> schema, Number n) {
        BigDecimal v = new BigDecimal(n.toString());
        if (schema.get("minimum") instanceof Number min && v.compareTo(new BigDecimal(min.toString())) < 0) {
            return false;
        }
        return !(schema.get("maximum") instanceof Number max && v.compareTo(new BigDecimal(max.toString())) > 0);
    }

    /** Breadth-first search of the context for a key: the shallowest match wins, in insertion order. */
    @SuppressWarnings("unchecked")
    static Object find(Map<String, Object> context, String key) {
        Deque<Map<String, Object>> queue = new ArrayDeque<>(List.of(context));
        while (!queue.isEmpty()) {
            Map<String, Object> m = queue.poll();
            if (m.containsKey(key)) {
                return m.get(key);
            }
            m.values().stream().filter(v -> v instanceof Map<?, ?>).forEach(v -> queue.add((Map<String, Object>) v));
        }
        return null;
    }
}
