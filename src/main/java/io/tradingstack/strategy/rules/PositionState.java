package io.tradingstack.strategy.rules;

import java.math.BigDecimal;
import java.util.Locale;

/** What the book holds in the spec's market: the value of the {@code position} name. */
public enum PositionState {
    FLAT, LONG, SHORT;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The value rules compare with: flat, long or short. */
    public String key() {
        return key;
    }

    /** From a signed quantity: positive is long, negative short, zero flat. */
    public static PositionState of(BigDecimal signedQty) {
        int s = signedQty == null ? 0 : signedQty.signum();
        return s > 0 ? LONG : s < 0 ? SHORT : FLAT;
    }
}
