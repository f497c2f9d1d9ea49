package io.tradingstack.strategy.plan;

import io.tradingstack.features.Timeframe;
import io.tradingstack.model.FeatureVector;

import java.util.List;

/**
 * What plan_strategy asks the store workflow: a market and timeframe, the risk profile, the user's
 * notes, whether the spec may auto-execute, the timeframes this node computes (the validator's),
 * the recent feature vectors the plan is made from (oldest first), and the planner's system prompt
 * in force with its version and the user's pending messages to the planner (null prompt: the
 * built-in one). It is the update's argument, so the inputs of a plan are in the workflow history
 * with the model's answer.
 */
public record PlanRequest(String market, String timeframe, String riskProfile, String notes, boolean autoExecute,
                          List<String> timeframes, List<FeatureVector> vectors, String systemPrompt, String promptVersion,
                          List<String> feedback) {
    /** Vectors a plan is made from (the planner needs {@value MarketRead#MIN_WARM} warm ones). */
    public static final int VECTORS = 40;
    public static final int MAX_NOTES = 2000;
    public static final int MAX_VECTORS = 200;
    public static final int MAX_FEEDBACK = 20;

    public PlanRequest {
        timeframes = timeframes == null ? List.of() : List.copyOf(timeframes);
        vectors = vectors == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(vectors));
        notes = notes == null ? "" : notes;
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }

    /** A request with the built-in prompt and no feedback. */
    public PlanRequest(String market, String timeframe, String riskProfile, String notes, boolean autoExecute,
                       List<String> timeframes, List<FeatureVector> vectors) {
        this(market, timeframe, riskProfile, notes, autoExecute, timeframes, vectors, null, null, List.of());
    }

    /** Bounds of a request, checked before the store workflow accepts a plan (nothing is recorded when they fail). */
    public void check() {
        if (market == null || !market.matches("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("market must look like BTC-USD, got " + market);
        }
        if (timeframe == null || !timeframes.contains(timeframe)) {
            throw new IllegalArgumentException("timeframe " + timeframe + " is not one of " + timeframes);
        }
        Timeframe.parse(timeframe);
        profile();
        if (notes.length() > MAX_NOTES) {
            throw new IllegalArgumentException("notes: at most " + MAX_NOTES + " characters");
        }
        if (systemPrompt != null && (systemPrompt.isBlank() || systemPrompt.length() > 32_000)) {
            throw new IllegalArgumentException("the system prompt must have 1-32000 characters");
        }
        if (promptVersion != null && !promptVersion.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("prompt version must be a short name, got " + promptVersion);
        }
        if (feedback.size() > MAX_FEEDBACK || feedback.stream().anyMatch(f -> f.length() > 4000)) {
            throw new IllegalArgumentException("at most " + MAX_FEEDBACK + " feedback messages of at most 4000 characters");
        }
        if (vectors.isEmpty() || vectors.size() > MAX_VECTORS || vectors.contains(null)) {
            throw new IllegalArgumentException("1-" + MAX_VECTORS + " feature vectors are needed, got " + vectors.size());
        }
    }

    public RiskProfile profile() {
        return RiskProfile.parse(riskProfile);
    }
}
