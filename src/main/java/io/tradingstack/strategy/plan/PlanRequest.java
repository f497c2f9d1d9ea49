package io.tradingstack.strategy.plan;

import io.tradingstack.model.FeatureVector;

import java.util.List;

/**
 * What plan_strategy asks the store workflow: a market and timeframe, the risk profile, the user's
 * notes, whether the spec may auto-execute, the timeframes this node computes (the validator's),
 * and the recent feature vectors the plan is made from, oldest first. It is the update's argument,
 * so the inputs of a plan are in the workflow history with the model's answer.
 */
public record PlanRequest(String market, String timeframe, String riskProfile, String notes, boolean autoExecute,
                          List<String> timeframes, List<FeatureVector> vectors) {
    /** Vectors a plan is made from (the planner needs {@value MarketRead#MIN_WARM} warm ones). */
    public static final int VECTORS = 40;
    public static final int MAX_NOTES = 2000;

    public PlanRequest {
        timeframes = List.copyOf(timeframes);
        vectors = List.copyOf(vectors);
        notes = notes == null ? "" : notes;
    }

    public RiskProfile profile() {
        return RiskProfile.parse(riskProfile);
    }
}
