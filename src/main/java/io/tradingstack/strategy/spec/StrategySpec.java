package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.features.Timeframe;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strategy for one market and timeframe: named triggers in the rule language, a stop (and
 * optionally a take-profit) in percent or ATR multiples, a sizing rule, risk limits it tightens,
 * an expiry and whether agents may execute it without asking. The JSON form is described by
 * {@code strategy/strategy-spec.schema.json} (a test keeps the two in step). {@code version} is
 * assigned by the store when absent; {@code created_at} too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StrategySpec(String id, Integer version, String market, String timeframe, List<Trigger> triggers,
                           @JsonProperty("stop_loss") Level stopLoss, @JsonProperty("take_profit") Level takeProfit,
                           Sizing sizing, @JsonProperty("risk_overrides") RiskOverrides riskOverrides,
                           @JsonProperty("valid_until") Instant validUntil,
                           @JsonProperty("allow_auto_execute") boolean allowAutoExecute,
                           String rationale, String notes, Author author,
                           @JsonProperty("created_at") Instant createdAt) {
    public static final int MAX_TRIGGERS = 16;
    static final Pattern MARKET = Pattern.compile("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}");

    public StrategySpec {
        Keys.require(id != null && Trigger.ID.matcher(id).matches(),
                "id must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        Keys.require(version == null || version >= 1, "version must be >= 1");
        Keys.require(market != null && MARKET.matcher(market).matches(), "market must look like BTC-USD (BASE-QUOTE, upper case)");
        timeframe = timeframe(timeframe);
        Keys.require(triggers != null && !triggers.isEmpty() && triggers.size() <= MAX_TRIGGERS,
                "triggers must hold 1 to " + MAX_TRIGGERS + " triggers");
        triggers = List.copyOf(triggers);
        uniqueIds(triggers);
        Keys.require(triggers.stream().anyMatch(t -> t.direction() != TriggerDirection.EXIT),
                "a spec needs at least one long or short trigger");
        Keys.require(stopLoss != null, "stop_loss is required");
        Keys.require(sizing != null, "sizing is required");
        riskOverrides = riskOverrides == null ? RiskOverrides.NONE : riskOverrides;
        rationale = Keys.text(rationale, "rationale", 2000, false);
        notes = Keys.text(notes, "notes", 2000, false);
        Keys.require(author != null, "author is required (planner, user or llm)");
    }

    private static String timeframe(String text) {
        Keys.require(text != null, "timeframe is required");
        try {
            return canonical(Timeframe.parse(text).seconds());
        } catch (IllegalArgumentException e) {
            throw Keys.invalid(e.getMessage());
        }
    }

    /** One spelling per length (60m is 1h), so that a market and timeframe have one store key. */
    static String canonical(int seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static void uniqueIds(List<Trigger> triggers) {
        Set<String> seen = new HashSet<>();
        for (Trigger t : triggers) {
            Keys.require(t != null, "a trigger is null");
            Keys.require(seen.add(t.id()), "trigger id '" + t.id() + "' is used twice");
        }
    }

    /** The store key: market and timeframe. */
    public String key() {
        return market + ":" + timeframe;
    }

    /** Whether the spec no longer allows entries at {@code time}. */
    public boolean expiredAt(Instant time) {
        return validUntil != null && time != null && !time.isBefore(validUntil);
    }

    public StrategySpec withVersion(int v, Instant created) {
        return new StrategySpec(id, v, market, timeframe, triggers, stopLoss, takeProfit, sizing, riskOverrides, validUntil,
                allowAutoExecute, rationale, notes, author, createdAt == null ? created : createdAt);
    }
}
