package io.tradingstack.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one conversion from internal values to what leaves the process as JSON (MCP results, HTTP
 * answers): plain maps, lists, strings, booleans and numbers only, so no serializer ever sees a
 * Vert.x {@code JsonObject}/{@code JsonArray} (they serialize as {@code {"map":…}}/{@code {"list":…}}
 * through a foreign mapper). The house rules are applied on the way: keys in snake_case, decimals
 * exact and plain, times as ISO-8601 UTC strings (seconds, or milliseconds when present), enums by
 * name, non-finite doubles as null.
 */
public final class Plain {
    private Plain() {
    }

    /** A JSON object as a plain map with snake_case keys. */
    public static Map<String, Object> object(Object value) {
        Object v = of(value);
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) m;
            return typed;
        }
        throw new IllegalArgumentException("not a JSON object: " + (value == null ? "null" : value.getClass().getName()));
    }

    public static Object of(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof JsonObject o) {
            return map(o.getMap());
        }
        if (v instanceof JsonArray a) {
            return list(a.getList());
        }
        if (v instanceof Map<?, ?> m) {
            return map(m);
        }
        if (v instanceof Collection<?> c) {
            return list(c);
        }
        if (v instanceof Object[] arr) {
            return list(List.of(arr));
        }
        return scalar(v);
    }

    private static Object scalar(Object v) {
        if (v instanceof BigDecimal d) {
            return decimal(d);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? v : null;
        }
        if (v instanceof Number) {
            return v;
        }
        if (v instanceof Instant i) {
            return time(i);
        }
        if (v instanceof OffsetDateTime t) {
            return time(t.toInstant());
        }
        if (v instanceof ZonedDateTime t) {
            return time(t.toInstant());
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Record r) {
            return record(r);
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return v.toString();
        }
        throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
    }

    /** Exact, never in exponent form (1E+3 becomes 1000), trailing zeros dropped. */
    public static BigDecimal decimal(BigDecimal d) {
        BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The one timestamp format: ISO-8601 UTC, whole seconds unless the instant has a fraction. */
    public static String time(Instant i) {
        return (i.getNano() == 0 ? i : i.truncatedTo(ChronoUnit.MILLIS)).toString();
    }

    private static Map<String, Object> map(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(snake(String.valueOf(k)), of(v)));
        return out;
    }

    private static List<Object> list(Collection<?> c) {
        List<Object> out = new ArrayList<>(c.size());
        c.forEach(x -> out.add(of(x)));
        return out;
    }

    /** A record's components with their JSON keys, looked up once per record type. */
    private record Component(String key, java.lang.reflect.Method accessor, boolean spread) {
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rcs = type.getRecordComponents();
            Component[] out = new Component[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                java.lang.reflect.Method m = rcs[i].getAccessor();
                m.setAccessible(true);
                Doc doc = rcs[i].getAnnotation(Doc.class);
                out[i] = new Component(key(rcs[i]), m, doc != null && doc.spread());
            }
            return out;
        }
    };

    /** A record component's JSON key: its {@link Doc#key()}, or the snake_case of its name. */
    static String key(RecordComponent rc) {
        Doc doc = rc.getAnnotation(Doc.class);
        return doc != null && !doc.key().isEmpty() ? doc.key() : snake(rc.getName());
    }

    private static Map<String, Object> record(Record r) {
        Component[] components = COMPONENTS.get(r.getClass());
        Map<String, Object> out = new LinkedHashMap<>(components.length * 2);
        for (Component c : components) {
            try {
                Object v = c.accessor().invoke(r);
                if (!c.spread()) {
                    out.put(c.key(), of(v));
                } else if (v != null) {
                    // further keys of this object; a component of the same name wins
                    ((Map<?, ?>) v).forEach((k, x) -> out.putIfAbsent(snake(String.valueOf(k)), of(x)));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unreadable record component " + c.key(), e);
            }
        }
        return out;
    }

    /**
     * camelCase → snake_case; keys without a lower-to-upper step (BTC-USD, RSI_14, snake_case) are
     * left as they are.
     */
    public static String snake(String key) {
        StringBuilder sb = null;
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && Character.isLowerCase(key.charAt(i - 1))) {
                if (sb == null) {
                    sb = new StringBuilder(key.length() + 4).append(key, 0, i);
                }
                sb.append('_').append(Character.toLowerCase(c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? key : sb.toString();
    }
}
