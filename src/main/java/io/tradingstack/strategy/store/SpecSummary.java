package io.tradingstack.strategy.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.time.Instant;

/** One active spec in list_strategy_specs: its key, version and headline, without the rules. */
public record SpecSummary(@Doc("product") String market, @Doc("bar length") String timeframe,
                          @Doc(value = "version", min = 0) int version,
                          @Doc("spec id") @JsonProperty("spec_id") String specId,
                          @Doc("planner, user or llm") String author,
                          @Doc(value = "written", nullable = true) @JsonProperty("created_at") Instant createdAt,
                          @Doc(value = "stored", nullable = true) @JsonProperty("stored_at") Instant storedAt,
                          @Doc(value = "no new entries from then on", nullable = true) @JsonProperty("valid_until") Instant validUntil,
                          @Doc("agents may place its orders without asking")
                          @JsonProperty("allow_auto_execute") boolean allowAutoExecute,
                          @Doc(value = "triggers", min = 0) int triggers) {
}
