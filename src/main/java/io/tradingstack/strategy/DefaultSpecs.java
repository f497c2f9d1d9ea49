package io.tradingstack.strategy;

import io.tradingstack.strategy.spec.SpecException;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.strategy.spec.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The specs shipped for the bundled markets ({@code strategy/defaults/<MARKET>.json}): what the
 * execution agent trades and the store starts with when nothing else was planned for a market.
 */
public final class DefaultSpecs {
    /** Markets with a shipped spec (the replay exchange's bundled data). */
    public static final List<String> MARKETS = List.of("BTC-USD", "ETH-USD");

    private DefaultSpecs() {
    }

    /** The shipped spec of {@code market}, or null when there is none. */
    public static StrategySpec forMarket(String market) {
        return parse(text("/strategy/defaults/", market));
    }

    /**
     * The replay market's 1-minute demo spec of {@code market} ({@code strategy/replay/<MARKET>.json}),
     * or null: frequent entries so a fresh stack shows the execution agent trading within minutes.
     */
    public static StrategySpec replayDemo(String market) {
        return parse(text("/strategy/replay/", market));
    }

    private static StrategySpec parse(String json) {
        if (json == null) {
            return null;
        }
        ValidationReport r = StrategySpecs.validate(json, io.tradingstack.strategy.rules.RuleEnvironment.defaultTimeframes(), null);
        if (!r.valid()) {
            throw new SpecException(r.errors());
        }
        return r.spec();
    }

    /** Every shipped spec by market. */
    public static Map<String, StrategySpec> all() {
        Map<String, StrategySpec> out = new LinkedHashMap<>();
        for (String m : MARKETS) {
            out.put(m, forMarket(m));
        }
        return out;
    }

    static String text(String market) {
        return text("/strategy/defaults/", market);
    }

    private static String text(String folder, String market) {
        if (market == null || !market.matches("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}")) {
            return null;
        }
        try (InputStream in = DefaultSpecs.class.getResourceAsStream(folder + market + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
