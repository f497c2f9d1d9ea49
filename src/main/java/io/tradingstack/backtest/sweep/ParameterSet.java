package io.tradingstack.backtest.sweep;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One point of a sweep: parameter name → value, names sorted, with its position in the expansion. */
public record ParameterSet(int index, Map<String, BigDecimal> values) {

    public ParameterSet {
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /** "atr_mult=1.5, rsi_max=60": the set's name in tables and the ranking's tie-break. */
    public String key() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(", "));
    }
}
