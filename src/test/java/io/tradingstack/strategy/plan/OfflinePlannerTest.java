package io.tradingstack.strategy.plan;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.FeatureEngine;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.RuleEnvironment;
import io.tradingstack.strategy.spec.SizingRule;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.strategy.spec.TriggerCategory;
import io.tradingstack.strategy.spec.ValidationReport;
import io.tradingstack.testing.Bundled;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline planner: valid, deterministic, and its answer follows the market it is shown. */
class OfflinePlannerTest {

    static List<FeatureVector> vectors(List<Candle> candles, String timeframe) {
        FeatureEngine e = new FeatureEngine(candles.get(0).symbol(), timeframe, 500, false);
        List<FeatureVector> out = new ArrayList<>();
        candles.forEach(c -> out.add(e.onCandle(c)));
        return out;
    }

    @Test
    void plansValidDeterministicSpecsThatFollowTheMarket() {
        Set<String> regimes = new HashSet<>();
        Set<String> rules = new HashSet<>();
        for (String market : List.of("BTC-USD", "ETH-USD")) {
            List<FeatureVector> all = vectors(Bundled.rolled(Bundled.candles(market), 300), "5m");
            for (int end = 120; end <= all.size(); end += 96) {
                List<FeatureVector> window = all.subList(end - 96, end);
                StrategySpec spec = OfflinePlanner.plan(market, "5m", window, RiskProfile.MODERATE);
                assertEquals(spec, OfflinePlanner.plan(market, "5m", List.copyOf(window), RiskProfile.MODERATE), "deterministic");
                ValidationReport r = StrategySpecs.validate(StrategySpecs.toJson(spec), RuleEnvironment.defaultTimeframes(),
                        spec.createdAt());
                assertTrue(r.valid(), r.errors().toString());
                assertEquals(window.get(window.size() - 1).computedAt(), spec.createdAt());
                assertEquals(spec.createdAt().plusSeconds(86_400), spec.validUntil());
                regimes.add(spec.id().split("-")[3]);
                rules.add(spec.triggers().get(0).entryRule());
            }
        }
        assertTrue(regimes.size() >= 2, "regimes seen: " + regimes);
        assertTrue(rules.size() >= 3, "entry rules seen: " + rules);
    }

    @Test
    void profilesChangeTheRiskNotTheReading() {
        List<FeatureVector> window = vectors(Bundled.rolled(Bundled.candles("BTC-USD"), 300), "5m").subList(200, 300);
        StrategySpec low = OfflinePlanner.plan("BTC-USD", "5m", window, RiskProfile.CONSERVATIVE);
        StrategySpec high = OfflinePlanner.plan("BTC-USD", "5m", window, RiskProfile.AGGRESSIVE);
        assertEquals(SizingRule.RISK_AT_STOP, low.sizing().rule());
        assertTrue(low.sizing().riskPct().compareTo(high.sizing().riskPct()) < 0);
        assertTrue(low.stopLoss().value().compareTo(high.stopLoss().value()) < 0);
        assertTrue(low.riskOverrides().maxTradesPerDay() < high.riskOverrides().maxTradesPerDay());
        assertNotEquals(low.id(), high.id());
        assertEquals(low.id().replace("conservative", ""), high.id().replace("aggressive", ""));
    }

    @Test
    void syntheticTrendsGiveTheirOwnTriggers() {
        StrategySpec up = OfflinePlanner.plan("SOL-USD", "1h", vectors(series(0.004), "1h"), RiskProfile.AGGRESSIVE);
        assertTrue(up.id().contains("uptrend"), up.id());
        assertEquals(TriggerCategory.TREND_CONTINUATION, up.triggers().get(0).category());
        assertEquals(TriggerCategory.VOLATILITY_BREAKOUT, up.triggers().get(1).category(), "aggressive adds a breakout");
        StrategySpec down = OfflinePlanner.plan("SOL-USD", "1h", vectors(series(-0.004), "1h"), RiskProfile.MODERATE);
        assertTrue(down.id().contains("downtrend"), down.id());
        assertEquals(TriggerCategory.REVERSAL, down.triggers().get(0).category());
        assertEquals(TriggerCategory.EMERGENCY_EXIT, down.triggers().get(down.triggers().size() - 1).category());
    }

    @Test
    void refusesWithoutEnoughWarmVectors() {
        List<FeatureVector> cold = vectors(series(0.001).subList(0, 40), "1h");
        CodedException e = assertThrows(CodedException.class, () -> OfflinePlanner.plan("SOL-USD", "1h", cold, RiskProfile.MODERATE));
        assertEquals(ErrorCode.FEATURES_NOT_WARM, e.code());
        assertEquals(RiskProfile.MODERATE, RiskProfile.parse("medium"));
        assertThrows(IllegalArgumentException.class, () -> RiskProfile.parse("yolo"));
    }

    /** 200 hourly bars drifting by {@code drift} per bar with a small wave. */
    static List<Candle> series(double drift) {
        List<Candle> out = new ArrayList<>();
        double p = 100;
        for (int i = 0; i < 200; i++) {
            double next = p * (1 + drift + 0.003 * Math.sin(i / 3.0));
            out.add(new Candle("SOL-USD", 3600, Instant.ofEpochSecond(1_700_000_000L / 3600 * 3600 + i * 3600L), p,
                    Math.max(p, next) * 1.001, Math.min(p, next) * 0.999, next, 10 + i % 5));
            p = next;
        }
        return out;
    }
}
