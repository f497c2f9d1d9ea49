package io.tradingstack.agents.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** One change of the version in force (table prompt_events): a seed, a new version or a rollback. */
public record PromptSwitch(String kind, @JsonProperty("from_version") Integer fromVersion,
                           @JsonProperty("to_version") int toVersion, String author, String reason, Instant at) {
}
