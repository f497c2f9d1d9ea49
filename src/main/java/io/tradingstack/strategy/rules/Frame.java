package io.tradingstack.strategy.rules;

import io.tradingstack.model.FeatureVector;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a rule sees at one close of the spec's timeframe: the feature vector of that timeframe,
 * the latest closed vectors of coarser timeframes (by label, e.g. "1h") and the position. Any of
 * them may be missing (warm-up); a rule reading a missing value is undefined, never an error.
 */
public record Frame(Instant time, FeatureVector base, Map<String, FeatureVector> higher, PositionState position) {

    /** No features and no position: everything a rule reads is undefined. */
    public static final Frame EMPTY = new Frame(null, null, Map.of(), null);

    public Frame {
        Map<String, FeatureVector> copy = new HashMap<>();
        if (higher != null) {
            higher.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        higher = Map.copyOf(copy);
    }

    /** A frame of the spec's timeframe only. */
    public static Frame of(FeatureVector base, PositionState position) {
        return new Frame(base == null ? null : base.computedAt(), base, Map.of(), position);
    }

    /** The vector of a coarser timeframe, or null when it has not closed a bar yet. */
    public FeatureVector at(String timeframe) {
        return higher.get(timeframe);
    }

    /** The same features with another position (what-if evaluation). */
    public Frame withPosition(PositionState p) {
        return new Frame(time, base, higher, p);
    }

    /** The last price of the spec's timeframe, or NaN before the first bar. */
    public double close() {
        return base == null || base.lastPrice() == null ? Double.NaN : base.lastPrice();
    }
}
