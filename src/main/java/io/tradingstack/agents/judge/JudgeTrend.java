package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.util.List;

/**
 * The direction of the judge's scores over a window (reference {@code get_performance_trend}):
 * {@code improvement} is the mean of the newer half minus the mean of the older half (the middle
 * score of an odd count belongs to neither); improving at or above +{@link #STABLE_BAND}, declining
 * at or below -{@link #STABLE_BAND}, stable between; fewer than two scores say insufficient_data.
 */
public record JudgeTrend(@Doc(value = "direction of the listed scores",
                                 oneOf = {"improving", "declining", "stable", "insufficient_data"}) String trend,
                         @Doc(value = "mean score; null without scores", nullable = true) @JsonProperty("avg_score") Double avgScore,
                         @Doc(value = "scores in the trend", min = 0) @JsonProperty("evaluations_count") int evaluationsCount,
                         @Doc(value = "mean of the newer half minus the older half (points); null below two scores",
                                 nullable = true) Double improvement) {
    /** Points of mean change that count as a direction (a score moves ~1-3 points on noise). */
    public static final double STABLE_BAND = 5.0;

    /** The trend of {@code scores}, oldest first. */
    public static JudgeTrend of(List<Double> scores) {
        int n = scores.size();
        if (n == 0) {
            return new JudgeTrend("insufficient_data", null, 0, null);
        }
        double avg = JudgeScore.round(mean(scores));
        if (n < 2) {
            return new JudgeTrend("insufficient_data", avg, n, null);
        }
        int half = n / 2;
        double improvement = JudgeScore.round(mean(scores.subList(n - half, n)) - mean(scores.subList(0, half)));
        String trend = improvement >= STABLE_BAND ? "improving" : improvement <= -STABLE_BAND ? "declining" : "stable";
        return new JudgeTrend(trend, avg, n, improvement);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
