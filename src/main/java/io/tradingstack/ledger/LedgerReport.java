package io.tradingstack.ledger;

import java.util.List;
import java.util.Map;

/**
 * Answers of the ledger queries that are named figures rather than records (RISK, PERFORMANCE: a
 * figure that is not defined is null and {@code reasons} says why), and the HISTORY list.
 */
public final class LedgerReport {
    private LedgerReport() {
    }

    /** Named figures (snake_case keys, as the reference design names them). */
    public record Figures(Map<String, Object> values) {
        public Figures {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /** Posted fills, newest first. */
    public record History(List<PostedFill> fills) {
        public History {
            fills = List.copyOf(fills);
        }
    }

    /** Equity samples (oldest first) and the sampling period. */
    public record Equity(List<EquitySample> samples, long sampleSeconds) {
        public Equity {
            samples = List.copyOf(samples);
        }
    }
}
