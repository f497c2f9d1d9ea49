package io.tradingstack.agents.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of an agent's system prompt (table prompt_versions). {@code diff} is the
 * unified line diff to the version that was in force when this one was created (empty for the
 * first); {@code score} is the judge's score of the version it replaced, when the judge wrote it.
 */
public record PromptVersion(String agent, int version, String text, String diff, String author, String reason,
                            BigDecimal score, @JsonProperty("created_at") Instant createdAt) {
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
