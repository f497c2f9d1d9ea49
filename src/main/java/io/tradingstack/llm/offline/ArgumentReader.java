package io.tradingstack.llm.offline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads tool arguments out of a plain sentence using only the tool's JSON Schema: an enum value
 * named in the text, a word matching a property's {@code pattern}, numbers in order for numeric
 * properties (within their bounds), else the schema's {@code default}. Required properties come
 * first; what stays unknown is reported as missing rather than guessed.
 */
final class ArgumentReader {
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_-])-?\\d+(?:\\.\\d+)?(?![A-Za-z0-9])");

    record Result(Map<String, Object> values, List<String> missing) {
    }

    private ArgumentReader() {
    }

    @SuppressWarnings("unchecked")
    static Result read(Map<String, Object> parameters, String text) {
        Map<String, Object> props = parameters.get("properties") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        List<String> required = parameters.get("required") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : List.of();
        Set<String> order = new LinkedHashSet<>(required);
        order.addAll(props.keySet());
        List<String> tokens = tokens(text);
        List<BigDecimal> numbers = numbers(text);
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : order) {
            Map<String, Object> schema = props.get(name) instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
            Object value = value(schema, text, tokens, numbers);
            if (value != null) {
                values.put(name, value);
            } else if (required.contains(name)) {
                Object description = schema.get("description");
                missing.add(description == null ? name : name + " (" + description + ")");
            }
        }
        return new Result(values, missing);
    }

    private static Object value(Map<String, Object> schema, String text, List<String> tokens, List<BigDecimal> numbers) {
        String type = type(schema);
        Object found = null;
        if (schema.get("enum") instanceof List<?> options) {
            found = enumValue(options, text);
        } else if ("string".equals(type) && schema.get("pattern") instanceof String p) {
            found = patterned(Pattern.compile(p), tokens);
        } else if ("number".equals(type) || "integer".equals(type)) {
            found = number(schema, "integer".equals(type), numbers);
        }
        return found != null ? found : schema.get("default");
    }

    static String type(Map<String, Object> schema) {
        Object t = schema.get("type");
        if (t instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(x -> !x.equals("null")).findFirst().orElse("null");
        }
        return t == null ? "" : String.valueOf(t);
    }

    private static Object enumValue(List<?> options, String text) {
        Set<String> said = new LinkedHashSet<>(tokens(text.toLowerCase(Locale.ROOT)));
        for (Object option : options) {
            if (option != null && said.contains(String.valueOf(option).toLowerCase(Locale.ROOT))) {
                return option;
            }
        }
        return null;
    }

    private static String patterned(Pattern pattern, List<String> tokens) {
        for (String t : tokens) {
            for (String candidate : List.of(t, t.toUpperCase(Locale.ROOT))) {
                if (pattern.matcher(candidate).matches()) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Takes the first unused number that fits the property (integral, within minimum/maximum). */
    private static Object number(Map<String, Object> schema, boolean integer, List<BigDecimal> numbers) {
        for (int i = 0; i < numbers.size(); i++) {
            BigDecimal n = numbers.get(i);
            boolean integral = n.stripTrailingZeros().scale() <= 0;
            if ((integer && !integral) || !within(schema, n)) {
                continue;
            }
            numbers.remove(i);
            return integer ? (Object) n.longValueExact() : n;
        }
        return null;
    }

    private static boolean within(Map<String, Object> schema, BigDecimal n) {
        if (schema.get("minimum") instanceof Number min && n.compareTo(new BigDecimal(min.toString())) < 0) {
            return false;
        }
        if (schema.get("exclusiveMinimum") instanceof Number min && n.compareTo(new BigDecimal(min.toString())) <= 0) {
            return false;
        }
        return !(schema.get("maximum") instanceof Number max && n.compareTo(new BigDecimal(max.toString())) > 0);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\s+")) {
            String t = raw.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<BigDecimal> numbers(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(new BigDecimal(m.group()));
        }
        return out;
    }
}
