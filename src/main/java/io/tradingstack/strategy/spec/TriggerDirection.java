package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a trigger does when it fires: open a long, open a short, or leave the position. */
public enum TriggerDirection {
    LONG, SHORT, EXIT;

    /** The JSON value. */
    @JsonValue
    public String key() {
        return Keys.key(this);
    }

    @JsonCreator
    public static TriggerDirection of(String text) {
        return Keys.parse(TriggerDirection.class, "trigger_direction", text, TriggerDirection::key);
    }
}
