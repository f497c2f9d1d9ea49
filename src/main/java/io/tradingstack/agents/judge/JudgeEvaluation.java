package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One evaluation as stored (table judge_evaluations, V80): the score with its components and the
 * weights used, the figures, the prompt version evaluated, the review and the actions taken. The
 * id ({@code <workflow id>:<seq>}) makes the store idempotent.
 */
public record JudgeEvaluation(@Doc("<judge workflow id>:<seq>") String id,
                              @Doc(value = "evaluation number", min = 0) long seq,
                              @Doc(value = "what started it", oneOf = {"scheduled", "on_demand", "forced"}) String trigger,
                              @Doc(value = "days scored", min = 0) @JsonProperty("window_days") int windowDays,
                              @Doc("when") @JsonProperty("evaluated_at") Instant evaluatedAt,
                              @Doc("0-100") double score,
                              @Doc("defined components by name (0-100)") Map<String, Double> components,
                              @Doc("undefined components and why") Map<String, String> undefined,
                              @Doc("normalized weights used, by component") Map<String, Double> weights,
                              @Doc("the ledger figures scored") JudgeFigures figures,
                              @Doc(value = "execution prompt version in force when evaluated", nullable = true, min = 0)
                              @JsonProperty("prompt_version") Integer promptVersion,
                              @Doc("the review") JudgeReview review,
                              @Doc("what the evaluation did") List<JudgeAction> actions,
                              @Doc(value = "the review's llm_calls row; null when the rules reviewed", nullable = true)
                              @JsonProperty("llm_call_id") String llmCallId) {
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
