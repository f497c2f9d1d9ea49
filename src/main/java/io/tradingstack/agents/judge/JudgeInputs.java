package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What one evaluation starts from (the gather activity's result, recorded in the history): the
 * window's figures, the execution agent's prompt in force (null version when it has none yet) and
 * the user's pending feedback for it.
 */
public record JudgeInputs(JudgeFigures figures, @JsonProperty("prompt_version") Integer promptVersion,
                          @JsonProperty("prompt_text") String promptText, List<FeedbackItem> feedback) {
    public JudgeInputs {
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }

    /** One pending feedback message of the user to the execution agent. */
    public record FeedbackItem(long id, String message) {
    }

    public List<String> messages() {
        return feedback.stream().map(FeedbackItem::message).toList();
    }
}
