package io.tradingstack.agents.execution;

import java.time.Instant;
import java.util.List;

/** The records of the execution agent's bus endpoints ({@code ts.agents.*}), each with a codec. */
public final class DecisionMessages {
    public static final List<Class<? extends Record>> TYPES = List.of(DecisionRecord.class, RecentQuery.class, Recent.class);
    public static final int MAX_LIMIT = 500;

    private DecisionMessages() {
    }

    /** Body of {@code ts.agents.decisions}: the latest decisions, optionally of one symbol and since a time. */
    public record RecentQuery(int limit, String symbol, Instant since) {
        public RecentQuery {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
            }
            if (symbol != null && !symbol.matches("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}")) {
                throw new IllegalArgumentException("symbol must look like BTC-USD");
            }
        }
    }

    /** The decisions, newest first. */
    public record Recent(List<DecisionRecord> decisions) {
        public Recent {
            decisions = List.copyOf(decisions);
        }
    }
}
