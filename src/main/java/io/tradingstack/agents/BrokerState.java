package io.tradingstack.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's state: what it stores in PostgreSQL and carries across continue-as-new.
 * {@code revision} counts the changes, so a stored state is only ever replaced by a newer one.
 */
public record BrokerState(List<String> symbols, Map<String, Object> preferences, long revision) {

    public BrokerState(List<String> symbols, Map<String, Object> preferences) {
        this(symbols, preferences, 0);
    }

    /** Reference defaults: moderate risk, balanced style, intermediate experience. */
    public static Map<String, Object> defaultPreferences() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("risk_tolerance", "moderate");
        p.put("trading_style", "balanced");
        p.put("experience_level", "intermediate");
        return p;
    }
}
