package io.tradingstack.agents.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of an agent's system prompt (table prompt_versions). {@code diff} is the
 * unified line diff to the version that was in force when this one was created (empty for the
 * first); {@code score} is the judge's score of the version it replaced, when the judge wrote it.
 */
public record PromptVersion(@Doc("agent") String agent,
                            @Doc(value = "version number, from 1", min = 1) int version,
                            @Doc("the system prompt") String text,
                            @Doc("unified diff to the version it replaced; empty for the first") String diff,
                            @Doc(value = "who wrote it (PromptRules.AUTHORS)", oneOf = {"system", "judge", "user"}) String author,
                            @Doc("why") String reason,
                            @Doc(value = "the judge's score (0..100) of the version it replaced; null when none", nullable = true)
                            BigDecimal score,
                            @Doc("when it was stored") @JsonProperty("created_at") Instant createdAt) {
    public PromptVersion {
        PromptRules.agent(agent);
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
        PromptRules.text(text);
        PromptRules.author(author);
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "created_at");
    }
}
