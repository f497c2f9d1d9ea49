package io.tradingstack.agents.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.time.Instant;

/** One change of the version in force (table prompt_events): a seed, a new version or a rollback. */
public record PromptSwitch(@Doc(value = "what switched it", oneOf = {"seed", "create", "rollback"}) String kind,
                           @Doc(value = "version in force before; null for the first", nullable = true, min = 0)
                           @JsonProperty("from_version") Integer fromVersion,
                           @Doc(value = "version in force after", min = 0) @JsonProperty("to_version") int toVersion,
                           @Doc("who") String author,
                           @Doc("why") String reason,
                           @Doc("when") Instant at) {
}
