package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a trigger is for (the reference categories); risk_reduce, risk_off and emergency_exit are exits. */
public enum TriggerCategory {
    TREND_CONTINUATION, REVERSAL, VOLATILITY_BREAKOUT, MEAN_REVERSION, RISK_REDUCE, RISK_OFF, EMERGENCY_EXIT, OTHER;

    /** The JSON value. */
    @JsonValue
    public String key() {
        return Keys.key(this);
    }

    /** Whether triggers of this category only leave positions. */
    public boolean exitOnly() {
        return this == RISK_REDUCE || this == RISK_OFF || this == EMERGENCY_EXIT;
    }

    @JsonCreator
    public static TriggerCategory of(String text) {
        return Keys.parse(TriggerCategory.class, "trigger_category", text, TriggerCategory::key);
    }
}
