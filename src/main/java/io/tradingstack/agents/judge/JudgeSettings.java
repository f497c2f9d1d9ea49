package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;

import java.math.BigDecimal;

/**
 * The judge's configuration, fixed when its workflow starts (a workflow argument, carried over
 * continue-as-new, so a replay decides with the same numbers). Read from the JUDGE_* keys.
 *
 * @param evalMinutes     scheduled evaluation period (durable timer)
 * @param cooldownMinutes least time between an evaluation and an unforced on-demand one
 * @param maxPerDay       evaluations per UTC day, forced ones included (the flood guard)
 * @param threshold       a score under it asks for a new prompt version
 * @param rollbackDelta   a new version whose first evaluation scores this much under its predecessor is rolled back
 */
public record JudgeSettings(@JsonProperty("eval_minutes") int evalMinutes,
                            @JsonProperty("cooldown_minutes") int cooldownMinutes,
                            @JsonProperty("max_per_day") int maxPerDay,
                            @JsonProperty("window_days") int windowDays,
                            double threshold,
                            @JsonProperty("rollback_delta") double rollbackDelta,
                            ScoringRules rules,
                            AdjustmentPolicy adjustments) {
    public static final int MAX_WINDOW_DAYS = 90;

    public JudgeSettings {
        if (evalMinutes < 1 || cooldownMinutes < 0 || maxPerDay < 1 || windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("judge periods and counts must be positive (window 1-" + MAX_WINDOW_DAYS + " days)");
        }
        if (!(threshold >= 0 && threshold <= 100) || !(rollbackDelta > 0 && rollbackDelta <= 100)) {
            throw new IllegalArgumentException("threshold 0-100 and rollback delta (0, 100] are required");
        }
        rules = rules == null ? ScoringRules.DEFAULT : rules;
        adjustments = adjustments == null ? AdjustmentPolicy.DEFAULT : adjustments;
    }

    public static JudgeSettings from(AppConfig c) {
        return new JudgeSettings(c.integer(ConfigKey.JUDGE_EVAL_MINUTES), c.integer(ConfigKey.JUDGE_COOLDOWN_MINUTES),
                c.integer(ConfigKey.JUDGE_MAX_EVALUATIONS_PER_DAY), c.integer(ConfigKey.JUDGE_WINDOW_DAYS),
                c.decimal(ConfigKey.JUDGE_SCORE_THRESHOLD).doubleValue(), c.decimal(ConfigKey.JUDGE_ROLLBACK_DELTA).doubleValue(),
                ScoringRules.of(c.get(ConfigKey.JUDGE_WEIGHTS), c.decimal(ConfigKey.JUDGE_RETURN_TARGET).doubleValue(),
                        c.decimal(ConfigKey.JUDGE_DRAWDOWN_LIMIT).doubleValue()),
                new AdjustmentPolicy(c.decimal(ConfigKey.JUDGE_MIN_MULTIPLIER), c.decimal(ConfigKey.JUDGE_MAX_MULTIPLIER),
                        c.integer(ConfigKey.JUDGE_ADJUSTMENT_DAYS), 30));
    }

    /** Defaults for tests: the shipped numbers. */
    public static JudgeSettings defaults() {
        return new JudgeSettings(240, 60, 12, 7, 50, 5, ScoringRules.DEFAULT, AdjustmentPolicy.DEFAULT);
    }

    public JudgeSettings withLimits(int newEvalMinutes, int newCooldownMinutes, int newMaxPerDay) {
        return new JudgeSettings(newEvalMinutes, newCooldownMinutes, newMaxPerDay, windowDays, threshold, rollbackDelta, rules,
                adjustments);
    }

    static BigDecimal score(double s) {
        return BigDecimal.valueOf(s);
    }
}
