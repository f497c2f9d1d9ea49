package io.tradingstack.strategy.rules;

import java.util.List;

/** The values a state name can take; a rule comparing it with anything else is refused. */
public enum StateDomain {
    POSITION("position", List.of("flat", "long", "short")),
    VOL_STATE("vol_state", List.of("low", "normal", "high", "extreme")),
    TREND_STATE("trend_state", List.of("uptrend", "downtrend", "sideways"));

    private final String label;
    private final List<String> accepted;

    StateDomain(String label, List<String> values) {
        this.label = label;
        this.accepted = values;
    }

    public String label() {
        return label;
    }

    public List<String> accepted() {
        return accepted;
    }

    /** The canonical (interned) value equal to {@code text}, or null when it is not in the domain. */
    String canonical(String text) {
        for (String v : accepted) {
            if (v.equals(text)) {
                return v;
            }
        }
        return null;
    }
}
