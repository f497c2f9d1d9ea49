package io.tradingstack.mcp;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Capability tiers, enabled in configuration only (MCP_TIERS): a client can never raise its own.
 * MARKET = market data and indicators, READ = portfolio and agent state, TRADE = anything that
 * places, cancels or changes how trading behaves (paper trading only in this system).
 */
public enum Tier {
    MARKET, READ, TRADE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tier parse(String value) {
        return Arrays.stream(values()).filter(t -> t.label().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown tier " + value));
    }

    public static Set<Tier> parseAll(List<String> values) {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        values.stream().filter(v -> !v.isBlank()).map(Tier::parse).forEach(tiers::add);
        return tiers;
    }
}
