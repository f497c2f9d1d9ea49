package io.tradingstack.agents.prompts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.time.Instant;

/** One message of the user to an agent (table agent_feedback); pending while {@code consumedAt} is null. */
public record Feedback(@Doc(value = "message id", min = 0) long id,
                       @Doc("agent") @JsonProperty("target_agent") String targetAgent,
                       @Doc("the message") String message,
                       @Doc("who sent it") String author,
                       @Doc("when it was stored") @JsonProperty("created_at") Instant createdAt,
                       @Doc(value = "when the agent consumed it; null while pending", nullable = true)
                       @JsonProperty("consumed_at") Instant consumedAt,
                       @Doc(value = "which agent run consumed it; null while pending", nullable = true)
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
