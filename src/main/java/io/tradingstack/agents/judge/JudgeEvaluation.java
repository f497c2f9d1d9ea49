package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One evaluation as stored (table judge_evaluations, V80): the score with its components and the
 * weights used, the figures, the prompt version evaluated, the review and the actions taken. The
 * id ({@code <workflow id>:<seq>}) makes the store idempotent.
 */
public record JudgeEvaluation(String id, long seq, String trigger, @JsonProperty("window_days") int windowDays,
                              @JsonProperty("evaluated_at") Instant evaluatedAt, double score,
                              Map<String, Double> components, Map<String, String> undefined,
                              Map<String, Double> weights, JudgeFigures figures,
                              @JsonProperty("prompt_version") Integer promptVersion, JudgeReview review,
                              List<JudgeAction> actions, @JsonProperty("llm_call_id") String llmCallId) {
    public static final List<String> TRIGGERS = List.of("scheduled", "on_demand", "forced");

    public JudgeEvaluation {
        if (!TRIGGERS.contains(trigger)) {
            throw new IllegalArgumentException("trigger must be one of " + TRIGGERS);
        }
        components = components == null ? Map.of() : components;
        undefined = undefined == null ? Map.of() : undefined;
        weights = weights == null ? Map.of() : weights;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
