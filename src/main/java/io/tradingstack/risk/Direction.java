package io.tradingstack.risk;

import java.util.Locale;

/** What a trade does to exposure; direction vetoes name these (reference: long, short, exit). */
public enum Direction {
    LONG, SHORT, EXIT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Direction parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
