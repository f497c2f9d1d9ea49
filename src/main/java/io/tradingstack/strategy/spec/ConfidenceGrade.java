package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How much a trigger is trusted; when several fire on one bar, A goes before B before C. */
public enum ConfidenceGrade {
    A, B, C;

    /** The JSON value. */
    @JsonValue
    public String key() {
        return name();
    }

    @JsonCreator
    public static ConfidenceGrade of(String text) {
        return Keys.parse(ConfidenceGrade.class, "confidence_grade", text, ConfidenceGrade::key);
    }
}
