package io.tradingstack.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the broker workflow carries across continue-as-new. */
public record BrokerState(List<String> symbols, Map<String, Object> preferences) {

    /** Reference defaults: moderate risk, balanced style, intermediate experience. */
    public static Map<String, Object> defaultPreferences() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("risk_tolerance", "moderate");
        p.put("trading_style", "balanced");
        p.put("experience_level", "intermediate");
        return p;
    }
}
