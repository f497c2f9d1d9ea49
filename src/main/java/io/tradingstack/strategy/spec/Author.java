package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who wrote a spec: the offline planner, a user, or an LLM. */
public enum Author {
    PLANNER, USER, LLM;

    /** The JSON value. */
    @JsonValue
    public String key() {
        return Keys.key(this);
    }

    @JsonCreator
    public static Author of(String text) {
        return Keys.parse(Author.class, "author", text, Author::key);
    }
}
