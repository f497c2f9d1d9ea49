package io.tradingstack.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bounds every tool argument before any schema or handler sees it, including values inside free-form
 * objects the schema cannot describe: strings (and keys) at most {@link #MAX_STRING} characters with no
 * control characters other than tab and newline (a NUL cannot be stored by PostgreSQL and would
 * fail every retry), nesting at most {@link #MAX_DEPTH}, at most {@link #MAX_ITEMS} values in all.
 */
final class ArgumentLimits {
    static final int MAX_STRING = 4096;
    static final int MAX_DEPTH = 8;
    static final int MAX_ITEMS = 10_000;

    private ArgumentLimits() {
    }

    /** Why the arguments are refused, or empty when they are within bounds. */
    static Optional<String> check(Map<String, Object> arguments) {
        return check(arguments, MAX_STRING);
    }

    /** As {@link #check(Map)} with a longer string bound, for a tool whose input schema declares longer strings. */
    static Optional<String> check(Map<String, Object> arguments, int maxString) {
        int[] items = {0};
        return new Walk(maxString).check("arguments", arguments, 0, items);
    }

    /** The string bound for a tool: {@link #MAX_STRING}, or the longest maxLength its input schema declares. */
    static int maxStringOf(Map<String, Object> inputSchema) {
        return Math.max(MAX_STRING, declaredMax(inputSchema));
    }

    private static int declaredMax(Object schema) {
        int max = 0;
        if (schema instanceof Map<?, ?> m) {
            if (m.get("maxLength") instanceof Number n) {
                max = n.intValue();
            }
            for (Object v : m.values()) {
                max = Math.max(max, declaredMax(v));
            }
        } else if (schema instanceof List<?> l) {
            for (Object v : l) {
                max = Math.max(max, declaredMax(v));
            }
        }
        return max;
    }

    private record Walk(int maxString) {
        private Optional<String> check(String path, Object value, int depth, int[] items) {
            if (++items[0] > MAX_ITEMS) {
                return Optional.of("more than " + MAX_ITEMS + " values");
            }
            if (depth > MAX_DEPTH) {
                return Optional.of(path + " is nested deeper than " + MAX_DEPTH + " levels");
            }
            if (value instanceof String s) {
                return text(path, s);
            }
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String key = String.valueOf(e.getKey());
                    Optional<String> bad = text(path + " key", key).or(() -> check(path + "." + key, e.getValue(), depth + 1, items));
                    if (bad.isPresent()) {
                        return bad;
                    }
                }
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Optional<String> bad = check(path + "[" + i + "]", list.get(i), depth + 1, items);
                    if (bad.isPresent()) {
                        return bad;
                    }
                }
            }
            return Optional.empty();
        }

        private Optional<String> text(String path, String s) {
            if (s.length() > maxString) {
                return Optional.of(shortPath(path) + " is longer than " + maxString + " characters (" + s.length() + ")");
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    return Optional.of(shortPath(path) + " contains the control character U+" + String.format("%04X", (int) c)
                            + " at " + i);
                }
            }
            return Optional.empty();
        }
    }

    /** Paths are built from client keys: keep them short in messages. */
    private static String shortPath(String path) {
        return path.length() > 120 ? path.substring(0, 117) + "..." : path;
    }
}
