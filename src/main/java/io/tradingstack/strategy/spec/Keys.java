package io.tradingstack.strategy.spec;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Lower-case JSON keys of the spec's enums and the checks shared by its records. */
final class Keys {
    private Keys() {
    }

    static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose key is {@code text}; refused with the accepted keys otherwise. */
    static <E extends Enum<E>> E parse(Class<E> type, String field, String text, Function<E, String> key) {
        for (E e : type.getEnumConstants()) {
            if (key.apply(e).equals(text)) {
                return e;
            }
        }
        throw invalid(field + " '" + text + "' is not accepted; accepted: "
                + String.join(", ", Arrays.stream(type.getEnumConstants()).map(key).toList()));
    }

    static CodedException invalid(String message) {
        return new CodedException(ErrorCode.STRATEGY_SPEC_INVALID, message);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw invalid(message);
        }
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field + " is required");
            return null;
        }
        require(value.length() <= max, field + " is longer than " + max + " characters");
        return value;
    }
}
