package io.tradingstack.backtest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.strategy.plan.RiskProfile;

/**
 * Options of {@code --strategy llm}: how often the strategist plans ({@code planEvery}: "1d" = at
 * the first warm bar of each simulated UTC day, or a number of bars), the LLM requests allowed per
 * simulated day (planner and judge together, cache hits included so that a re-run decides the same
 * way), the planner's risk profile and whether the judge runs at each day's end.
 */
public record LlmOptions(@JsonProperty("plan_every") String planEvery,
                         @JsonProperty("llm_calls_per_day") int callsPerDay,
                         @JsonProperty("risk_profile") String riskProfile,
                         boolean judge) {
    public static final String DAILY = "1d";
    public static final int DEFAULT_CALLS_PER_DAY = 12;
    public static final LlmOptions DEFAULTS = new LlmOptions(DAILY, DEFAULT_CALLS_PER_DAY, "moderate", true);

    public LlmOptions {
        planEvery = planEvery == null || planEvery.isBlank() ? DAILY : planEvery.trim();
        riskProfile = riskProfile == null ? "moderate" : riskProfile;
        if (!DAILY.equals(planEvery) && !planEvery.matches("[1-9][0-9]{0,6}")) {
            throw new IllegalArgumentException("--plan-every must be 1d or a number of bars, got " + planEvery);
        }
        if (callsPerDay < 1 || callsPerDay > 10_000) {
            throw new IllegalArgumentException("--llm-calls-per-day must be 1-10000, got " + callsPerDay);
        }
        RiskProfile.parse(riskProfile);
    }

    /** Bars between plans, 0 for daily. */
    public int barsBetweenPlans() {
        return DAILY.equals(planEvery) ? 0 : Integer.parseInt(planEvery);
    }
}
