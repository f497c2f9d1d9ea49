package io.tradingstack.agents.judge;

import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.ResponseSchema;

/** The judge's own request to the model: its system prompt, the evaluation as context, the review schema. */
public final class JudgePrompt {
    public static final String AGENT = "judge";
    public static final String TASK = "judge_review";
    /** Version of the judge's own prompt (recorded on every call). */
    public static final String VERSION = "judge-v1";
    static final String SYSTEM = """
            You are the judge of a crypto paper-trading agent. You receive the score of the last window
            (0-100), its components (returns, drawdown, decisions blocked by risk, fees, hit rate, daily
            consistency; each 0-100, higher is better), the raw figures and the count of pending user feedback.
            Answer with: findings (what the numbers show, quoting them), recommendations, a prompt_change for
            the execution agent (proposed only when a concrete instruction would fix a weak component; each
            instruction one imperative sentence), and risk_adjustments (a phrase such as "cut risk by 25%
            until two winning days" or a multiplier below 1 with days or until_winning_days). Never propose
            stopping all trading; the lowest multiplier you may ask for is 0.25.""";

    private JudgePrompt() {
    }

    public static LlmRequest request(JudgeScore score, JudgeSettings settings, JudgeInputs inputs) {
        return LlmRequest.builder(AGENT, TASK)
                .promptVersion(VERSION)
                .system(SYSTEM)
                .user("Review the evaluation in the context: score " + score.score() + " over " + inputs.figures().windowDays()
                        + " days; prompt threshold " + settings.threshold() + ".")
                .responseSchema(ResponseSchema.of("judge_review", JudgeReview.SCHEMA))
                .context(ReviewRules.context(score, settings.threshold(), inputs.figures(), inputs.feedback().size()))
                .temperature(0)
                .build();
    }
}
