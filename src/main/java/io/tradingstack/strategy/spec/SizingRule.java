package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an entry is sized: a fixed fraction of equity, a risk budget at the stop, or a volatility target. */
public enum SizingRule {
    FIXED_FRACTION, RISK_AT_STOP, VOL_TARGET;

    /** The JSON value. */
    @JsonValue
    public String key() {
        return Keys.key(this);
    }

    @JsonCreator
    public static SizingRule of(String text) {
        return Keys.parse(SizingRule.class, "sizing_rule", text, SizingRule::key);
    }
}
