package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a stop or take-profit distance is given: percent of the entry price, or multiples of ATR14. */
public enum LevelType {
    PCT, ATR;

    /** The JSON value. */
    @JsonValue
    public String key() {
        return Keys.key(this);
    }

    @JsonCreator
    public static LevelType of(String text) {
        return Keys.parse(LevelType.class, "level_type", text, LevelType::key);
    }
}
