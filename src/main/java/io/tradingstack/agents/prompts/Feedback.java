package io.tradingstack.agents.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** One message of the user to an agent (table agent_feedback); pending while {@code consumedAt} is null. */
public record Feedback(long id, @JsonProperty("target_agent") String targetAgent, String message, String author,
                       @JsonProperty("created_at") Instant createdAt, @JsonProperty("consumed_at") Instant consumedAt,
                       @JsonProperty("consumed_by") String consumedBy) {
    public Feedback {
        PromptRules.agent(targetAgent);
        PromptRules.message(message);
        PromptRules.feedbackAuthor(author);
    }

    public boolean pending() {
        return consumedAt == null;
    }
}
