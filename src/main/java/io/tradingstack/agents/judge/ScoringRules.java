package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How figures become a score: a weight per {@link ScoreComponent} (JUDGE_WEIGHTS, normalized to sum
 * 1), the window return worth a full returns score (JUDGE_RETURN_TARGET) and the drawdown worth
 * none (JUDGE_DRAWDOWN_LIMIT). Serializable: the workflow scores with the rules it was started with.
 */
public record ScoringRules(Map<String, Double> weights,
                           @JsonProperty("return_target") double returnTarget,
                           @JsonProperty("drawdown_limit") double drawdownLimit) {
    /** Default weights: outcome first (returns, drawdown), then how it was reached. */
    public static final String DEFAULT_WEIGHTS = "returns=0.25,drawdown=0.20,decisions=0.15,costs=0.10,hit_rate=0.15,consistency=0.15";
    public static final ScoringRules DEFAULT = of(DEFAULT_WEIGHTS, 0.05, 0.10);

    public ScoringRules {
        weights = normalized(weights);
        if (!(returnTarget > 0 && returnTarget <= 10)) {
            throw new IllegalArgumentException("return target must be within (0, 10], got " + returnTarget);
        }
        if (!(drawdownLimit > 0 && drawdownLimit <= 1)) {
            throw new IllegalArgumentException("drawdown limit must be within (0, 1], got " + drawdownLimit);
        }
    }

    /** Rules from JUDGE_WEIGHTS text ({@code key=weight} pairs; components left out weigh 0; empty = defaults). */
    public static ScoringRules of(String weightsText, double returnTarget, double drawdownLimit) {
        return new ScoringRules(parseWeights(weightsText == null || weightsText.isBlank() ? DEFAULT_WEIGHTS : weightsText),
                returnTarget, drawdownLimit);
    }

    public double weight(ScoreComponent c) {
        return weights.getOrDefault(c.key(), 0.0);
    }

    static Map<String, Double> parseWeights(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] kv = pair.split("=", -1);
            if (kv.length != 2) {
                throw new IllegalArgumentException("JUDGE_WEIGHTS wants key=weight pairs, got '" + pair.trim() + "'");
            }
            String key = ScoreComponent.ofKey(kv[0].trim()).key();
            double w;
            try {
                w = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight of " + key + " is not a number: " + kv[1].trim());
            }
            if (out.put(key, w) != null) {
                throw new IllegalArgumentException("weight of " + key + " given twice");
            }
        }
        return out;
    }

    private static Map<String, Double> normalized(Map<String, Double> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("weights are required");
        }
        double sum = 0;
        Map<ScoreComponent, Double> byComponent = new EnumMap<>(ScoreComponent.class);
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            double w = e.getValue() == null ? Double.NaN : e.getValue();
            if (!(w >= 0 && w <= 1000)) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " must be within 0-1000, got " + e.getValue());
            }
            byComponent.put(ScoreComponent.ofKey(e.getKey()), w);
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be > 0");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (ScoreComponent c : ScoreComponent.values()) {
            out.put(c.key(), byComponent.getOrDefault(c, 0.0) / sum);
        }
        return out;
    }
}
