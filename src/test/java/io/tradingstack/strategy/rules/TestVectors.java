package io.tradingstack.strategy.rules;

import io.tradingstack.model.FeatureVector;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Feature vectors built from rule names ("rsi_14" → 25.0); names not given are null (warm-up). */
public final class TestVectors {
    private static final Set<String> KNOWN = Identifiers.numeric().keySet();

    private TestVectors() {
    }

    public static FeatureVector vector(String timeframe, Instant barTime, Map<String, Double> values) {
        for (String k : values.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new IllegalArgumentException("not a feature name: " + k);
            }
        }
        Map<String, Double> v = new HashMap<>(values);
        Double close = v.containsKey("close") ? v.get("close") : v.get("price");
        return new FeatureVector("BTC-USD", timeframe, barTime, barTime.plusSeconds(60), 100, close,
                v.get("return_1"), v.get("return_5"), v.get("return_15"), v.get("return_60"),
                v.get("rolling_high_20"), v.get("rolling_low_20"), v.get("atr_14"), v.get("rsi_14"),
                v.get("ema_12"), v.get("ema_26"), v.get("sma_20"), v.get("sma_50"),
                v.get("bb_upper"), v.get("bb_middle"), v.get("bb_lower"), v.get("bb_percent_b"),
                v.get("macd"), v.get("macd_signal"), v.get("macd_hist"), v.get("volume_multiple_20"),
                v.get("realized_vol_20"), v.get("vwap"), 0.0);
    }

    public static FeatureVector vector(String timeframe, Map<String, Double> values) {
        return vector(timeframe, Instant.parse("2024-01-01T00:00:00Z"), values);
    }
}
