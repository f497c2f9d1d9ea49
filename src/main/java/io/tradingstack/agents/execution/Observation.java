package io.tradingstack.agents.execution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One symbol as the observe activity saw it: the latest price, the spec's last closed bar and
 * what the spec proposes there, the features of that bar, and the position. {@code problem} is
 * set (with everything else possibly null) when the symbol cannot be decided on (no spec, no bars);
 * {@code digest} is the SHA-256 of the inputs a decision is made from.
 */
public record Observation(String symbol, BigDecimal price, String bar, String specId, Integer specVersion, String timeframe,
                          Proposal rules, Map<String, Object> evaluation, Map<String, Object> features,
                          BigDecimal positionQty, BigDecimal availableQty, String problem, String digest) {

    public Observation {
        evaluation = evaluation == null ? Map.of() : evaluation;
        features = features == null ? Map.of() : features;
    }

    public static Observation unusable(String symbol, String problem) {
        return new Observation(symbol, null, null, null, null, null, Proposal.hold("unusable"), null, null, null, null, problem, null);
    }

    /** Every symbol of one nudge plus the portfolio (cash, equity, positions) they share. */
    public record Batch(List<Observation> symbols, Map<String, Object> portfolio, BigDecimal equity) {
        public Batch {
            symbols = List.copyOf(symbols);
            portfolio = portfolio == null ? Map.of() : portfolio;
        }
    }
}
