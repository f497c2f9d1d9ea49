package io.tradingstack.strategy.store;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** One active spec in list_strategy_specs: its key, version and headline, without the rules. */
public record SpecSummary(String market, String timeframe, int version, @JsonProperty("spec_id") String specId, String author,
                          @JsonProperty("created_at") Instant createdAt, @JsonProperty("stored_at") Instant storedAt,
                          @JsonProperty("valid_until") Instant validUntil,
                          @JsonProperty("allow_auto_execute") boolean allowAutoExecute, int triggers) {
}
