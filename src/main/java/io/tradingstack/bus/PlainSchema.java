package io.tradingstack.bus;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of what {@link Plain} makes of a type, derived from the type itself: a record is
 * an object whose properties are its components (snake_case, every one required, nothing else
 * allowed, described by {@link Doc}), a {@code Map<String, T>} an object of T values, a collection
 * or array an array, decimals and doubles numbers, integral types integers, instants ISO-8601
 * date-time strings, enums the names of their constants, a sealed interface of records any one of
 * those records (a result whose keys depend on its state). A result record is thereby the one source
 * of its value and of its published schema.
 *
 * <p>Types that say nothing of their shape ({@code Object}, raw maps, {@code Map<String, Object>})
 * become an unconstrained value: they are for documented pass-through fields only.
 */
public final class PlainSchema {
    private PlainSchema() {
    }

    private static final ClassValue<Map<String, Object>> RECORDS = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return record(type);
        }
    };

    /** The schema of a record type (cached: the map returned is shared and must not be changed). */
    public static Map<String, Object> of(Class<? extends Record> type) {
        return RECORDS.get(type);
    }

    /** The schema of any type {@link Plain} converts, e.g. {@link #mapOf}{@code (SomeRow.class)}. */
    public static Map<String, Object> of(Type type) {
        return schema(type, null);
    }

    /** {@code Map<String, value>}: a result keyed by names (products, metrics) at its top level. */
    public static ParameterizedType mapOf(Type value) {
        return parameterized(Map.class, String.class, value);
    }

    /** {@code List<item>}. */
    public static ParameterizedType listOf(Type item) {
        return parameterized(List.class, item);
    }

    /** Whether a value of class {@code built} is of the declared type, as far as erasure can tell. */
    public static boolean accepts(Type type, Class<?> built) {
        return built != null && raw(type).isAssignableFrom(built);
    }

    private static Map<String, Object> record(Class<?> type) {
        if (type.getTypeParameters().length > 0) {
            throw new IllegalArgumentException(type.getName() + ": a generic record has no schema of its own");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        Object others = false;
        for (RecordComponent rc : type.getRecordComponents()) {
            Doc doc = rc.getAnnotation(Doc.class);
            if (doc == null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + rc.getName()
                        + " has no @Doc: every published field says what it is");
            }
            if (doc.spread()) {
                // a map of the object's further keys: they are allowed, with the map's value schema
                Map<String, Object> value = new LinkedHashMap<>(schema(argument(rc.getGenericType(), 1), null));
                value.put("description", doc.value());
                others = value;
                continue;
            }
            properties.put(Plain.key(rc), schema(rc.getGenericType(), doc));
        }
        Map<String, Object> s = described(type);
        s.put("properties", properties);
        s.put("required", List.copyOf(properties.keySet()));
        s.put("additionalProperties", others);
        return s;
    }

    private static Map<String, Object> schema(Type type, Doc doc) {
        Map<String, Object> s = new LinkedHashMap<>(shape(type));
        if (doc != null) {
            if (doc.nullableValues()) {
                nullableValues(s);
            }
            s.put("description", doc.value());
            if (doc.oneOf().length > 0) {
                s.put("enum", List.of(doc.oneOf()));
            }
            if (doc.min() != Long.MIN_VALUE) {
                minimum(s, doc.min());
            }
            if (doc.nullable()) {
                return nullable(s);
            }
        }
        return s;
    }

    private static Map<String, Object> shape(Type type) {
        Class<?> raw = raw(type);
        if (raw.isRecord()) {
            return RECORDS.get(raw);
        }
        if (raw.isSealed() && raw.isInterface()) {
            return alternatives(raw);
        }
        if (raw == String.class || CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class) {
            return Map.of("type", "string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
                || raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
            return Map.of("type", "integer");
        }
        if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
                || raw == BigDecimal.class || raw == Number.class) {
            return Map.of("type", "number");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (raw == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (raw.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        }
        if (raw.isArray() || type instanceof GenericArrayType) {
            Type item = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
            return Map.of("type", "array", "items", schema(item, null));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return Map.of("type", "array", "items", schema(argument(type, 0), null));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = argument(type, 1);
            return raw(value) == Object.class ? Map.of("type", "object")
                    : Map.of("type", "object", "additionalProperties", schema(value, null));
        }
        if (raw == Object.class) {
            return Map.of();
        }
        throw new IllegalArgumentException("no JSON schema for " + type.getTypeName());
    }

    /**
     * A sealed interface whose permitted types are records: an object that is one of them (a result
     * whose keys depend on its state, e.g. a run's progress or its summary once done).
     */
    private static Map<String, Object> alternatives(Class<?> sealed) {
        List<Object> any = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (!c.isRecord()) {
                throw new IllegalArgumentException(sealed.getSimpleName() + " permits " + c.getSimpleName() + ", not a record");
            }
            any.add(RECORDS.get(c));
        }
        Map<String, Object> s = described(sealed);
        s.put("anyOf", any);
        return s;
    }

    /** An object schema with the type's own {@link Doc} as its description, if it has one. */
    private static Map<String, Object> described(Class<?> type) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        Doc doc = type.getAnnotation(Doc.class);
        if (doc != null) {
            s.put("description", doc.value());
        }
        return s;
    }

    /** The minimum of a number, or of a map's values or an array's items (counts per product, ages). */
    @SuppressWarnings("unchecked")
    private static void minimum(Map<String, Object> s, long min) {
        String key = s.containsKey("items") ? "items" : s.containsKey("additionalProperties") ? "additionalProperties" : null;
        if (key == null || !(s.get(key) instanceof Map<?, ?> inner)) {
            s.put("minimum", min);
            return;
        }
        Map<String, Object> values = new LinkedHashMap<>((Map<String, Object>) inner);
        values.put("minimum", min);
        s.put(key, values);
    }

    /** A map's values or an array's items become nullable. */
    @SuppressWarnings("unchecked")
    private static void nullableValues(Map<String, Object> s) {
        String key = s.containsKey("items") ? "items" : "additionalProperties";
        if (!(s.get(key) instanceof Map<?, ?> inner)) {
            throw new IllegalArgumentException("nullableValues needs a map or a list of a declared type");
        }
        s.put(key, nullable((Map<String, Object>) inner));
    }

    private static Map<String, Object> nullable(Map<String, Object> s) {
        Object type = s.get("type");
        if (type instanceof String t && !s.containsKey("enum") && !s.containsKey("anyOf")) {
            Map<String, Object> n = new LinkedHashMap<>(s);
            n.put("type", List.of(t, "null"));
            return n;
        }
        Map<String, Object> n = new LinkedHashMap<>();
        Map<String, Object> inner = new LinkedHashMap<>(s);
        Object description = inner.remove("description");
        if (description != null) {
            n.put("description", description);
        }
        List<Object> any = new ArrayList<>();
        any.add(inner);
        any.add(Map.of("type", "null"));
        n.put("anyOf", any);
        return n;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType) {
            return Object[].class;
        }
        // wildcards and type variables: only their bound is known
        if (type instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String getTypeName() {
                return raw.getSimpleName() + Arrays.stream(arguments).map(Type::getTypeName).toList();
            }
        };
    }
}
