package io.tradingstack.runtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values that must never appear in logs or HTTP answers. The log encoders and the health
 * renderer pass their text through {@link #redact(String)}.
 */
public final class Secrets {
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    public static void register(String value) {
        if (value != null && value.length() >= 4) {
            VALUES.add(value);
        }
    }

    public static String redact(String text) {
        if (text == null || VALUES.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : VALUES) {
            if (out.contains(secret)) {
                out = out.replace(secret, "****");
            }
        }
        return out;
    }
}
