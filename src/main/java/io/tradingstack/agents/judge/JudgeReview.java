package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The model's qualitative review of one evaluation (structured output, schema {@link #SCHEMA}):
 * findings, recommendations, a proposed change of the execution agent's prompt and proposed risk
 * adjustments (a multiplier, or a plain phrase {@link RiskPhrase} reads). {@code source} says who
 * wrote it: the model, or the rules when the model's answer was unusable.
 */
@Doc("the review: findings, recommendations, proposed prompt change and risk adjustments")
public record JudgeReview(@Doc("findings") List<String> findings,
                          @Doc("recommendations") List<String> recommendations,
                          @Doc("proposed change of the execution agent's prompt")
                          @JsonProperty("prompt_change") PromptProposal promptChange,
                          @Doc("proposed risk adjustments")
                          @JsonProperty("risk_adjustments") List<ProposedAdjustment> riskAdjustments,
                          @Doc(value = "who wrote it: the model or the rules; null when not said", nullable = true) String source) {
    public JudgeReview {
        findings = findings == null ? List.of() : List.copyOf(findings);
        recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
        promptChange = promptChange == null ? PromptProposal.NONE : promptChange;
        riskAdjustments = riskAdjustments == null ? List.of() : List.copyOf(riskAdjustments);
    }

    public JudgeReview withSource(String s) {
        return new JudgeReview(findings, recommendations, promptChange, riskAdjustments, s);
    }

    /** Guidance lines for the execution agent's prompt; {@code proposed} false = keep the prompt. */
    public record PromptProposal(@Doc("false = keep the prompt") boolean proposed, @Doc("why") String rationale,
                                 @Doc("guidance lines") List<String> instructions) {
        public static final PromptProposal NONE = new PromptProposal(false, "", List.of());

        public PromptProposal {
            rationale = rationale == null ? "" : rationale;
            instructions = instructions == null ? List.of() : List.copyOf(instructions);
        }
    }

    /** One proposed adjustment: a {@code phrase}, or a {@code multiplier} with its end (days or winning days). */
    public record ProposedAdjustment(@Doc(value = "product; null for all", nullable = true) String symbol,
                                     @Doc(value = "risk multiplier; null when a phrase says it", nullable = true) BigDecimal multiplier,
                                     @Doc(value = "the adjustment in words; null with a multiplier", nullable = true) String phrase,
                                     @Doc(value = "why", nullable = true) String reason,
                                     @Doc(value = "days it lasts; null when it ends otherwise", nullable = true, min = 0) Integer days,
                                     @Doc(value = "ends after this many winning days; null when not", nullable = true, min = 0)
                                     @JsonProperty("until_winning_days") Integer untilWinningDays) {
    }

    private static Map<String, Object> text() {
        return Map.of("type", "string", "maxLength", 500);
    }

    private static Map<String, Object> texts() {
        return Map.of("type", "array", "maxItems", 12, "items", text());
    }

    /** The JSON schema the model answers with. */
    public static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "required", List.of("findings", "recommendations", "prompt_change", "risk_adjustments"),
            "properties", Map.of(
                    "findings", texts(),
                    "recommendations", texts(),
                    "prompt_change", Map.of("type", "object", "required", List.of("proposed", "rationale", "instructions"),
                            "properties", Map.of("proposed", Map.of("type", "boolean"), "rationale", text(),
                                    "instructions", texts())),
                    "risk_adjustments", Map.of("type", "array", "maxItems", 6, "items", Map.of("type", "object",
                            "properties", Map.of(
                                    "symbol", Map.of("type", List.of("string", "null")),
                                    "multiplier", Map.of("type", List.of("number", "null"), "minimum", 0, "maximum", 3),
                                    "phrase", Map.of("type", List.of("string", "null"), "maxLength", RiskPhrase.MAX_LENGTH),
                                    "reason", text(),
                                    "days", Map.of("type", List.of("integer", "null"), "minimum", 1, "maximum", 30),
                                    "until_winning_days", Map.of("type", List.of("integer", "null"), "minimum", 1,
                                            "maximum", 30))))));
}
