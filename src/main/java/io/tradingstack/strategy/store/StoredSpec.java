package io.tradingstack.strategy.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.strategy.spec.StrategySpec;

import java.time.Instant;
import java.util.Objects;

/**
 * A spec as the store holds it: its version, when it was stored, whether it is the active one of
 * its market and timeframe, and whether this save found it already stored (a repeated save).
 */
public record StoredSpec(@JsonProperty("row_id") long rowId, String market, String timeframe, int version,
                         @JsonProperty("spec_id") String specId, String author,
                         @JsonProperty("created_at") Instant createdAt, @JsonProperty("stored_at") Instant storedAt,
                         boolean active, boolean duplicate, StrategySpec spec) {

    public StoredSpec {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(spec, "spec");
    }

    /** The store key, market:timeframe. */
    public String key() {
        return market + ":" + timeframe;
    }

    /** The same row without the spec body: what list_strategy_specs shows. */
    public SpecSummary summary() {
        return new SpecSummary(market, timeframe, version, specId, author, createdAt, storedAt, spec.validUntil(),
                spec.allowAutoExecute(), spec.triggers().size());
    }
}
