package io.tradingstack.strategy.spec;

import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.rules.TestVectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure signal function, table-driven: which decision each situation gives and why. */
class SpecSignalsTest {
    static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    static final StrategySpec SPEC = new StrategySpec("signals-test", null, "BTC-USD", "1m", List.of(
            Trigger.entry("c_rev", TriggerCategory.REVERSAL, TriggerDirection.LONG, ConfidenceGrade.C, "rsi_14 < 30", "rsi_14 > 60", null),
            Trigger.entry("a_trend", TriggerCategory.TREND_CONTINUATION, TriggerDirection.LONG, ConfidenceGrade.A,
                    "ema_12 > ema_26 and rsi_14 < 40", "ema_12 < ema_26", null),
            Trigger.entry("s_short", TriggerCategory.REVERSAL, TriggerDirection.SHORT, ConfidenceGrade.B, "rsi_14 > 80", "rsi_14 < 50", null),
            Trigger.exit("risk_off", TriggerCategory.RISK_OFF, "return_1 < -0.05", null),
            Trigger.exit("panic", TriggerCategory.EMERGENCY_EXIT, "vol_state == 'extreme'", null)),
            Level.atr("2"), Level.atr("4"), Sizing.riskAtStop("1"), null, Instant.parse("2026-06-01T00:00:00Z"), true,
            null, null, Author.USER, null);
    static final CompiledSpec COMPILED = StrategySpecs.compile(SPEC);

    /**
     * Columns: position, rsi_14, ema_12 (ema_26 is 100), close, atr_14, return_1, realized_vol_20,
     * the open trade (none, a_trend, c_rev; stop 99, take-profit 102), whether the bar is past
     * valid_until; then the action, the reason and whether it is an emergency.
     */
    @ParameterizedTest(name = "{0} rsi={1} ema12={2} close={3} -> {10} {11}")
    @CsvSource(delimiter = '|', textBlock = """
            flat  | 25   | 101 | 100   | 0.5  | 0     | 0.001 | none    | false | ENTER_LONG  | entry:a_trend          | false
            flat  | 25   | 99  | 100   | 0.5  | 0     | 0.001 | none    | false | ENTER_LONG  | entry:c_rev            | false
            flat  | 85   | 99  | 100   | 0.5  | 0     | 0.001 | none    | false | ENTER_SHORT | entry:s_short          | false
            flat  | 50   | 99  | 100   | 0.5  | 0     | 0.001 | none    | false | HOLD        | no_trigger             | false
            flat  |      | 99  | 100   | 0.5  | 0     | 0.001 | none    | false | HOLD        | missing_indicator      | false
            flat  | 25   | 101 | 100   |      | 0     | 0.001 | none    | false | HOLD        | missing_indicator      | false
            flat  | 25   | 101 | 100   | 0.5  | 0     | 0.001 | none    | true  | HOLD        | spec_expired           | false
            flat  | 50   | 99  | 100   | 0.5  | -0.06 | 0.2   | none    | false | HOLD        | no_trigger             | false
            long  | 35   | 101 | 98.5  | 0.5  | 0     | 0.001 | a_trend | false | EXIT        | stop_hit               | true
            long  | 35   | 101 | 102.5 | 0.5  | 0     | 0.001 | a_trend | false | EXIT        | target_hit             | false
            long  | 35   | 101 | 98.5  | 0.5  | 0     | 0.2   | a_trend | false | EXIT        | exit:panic             | true
            long  | 35   | 101 | 100   | 0.5  | -0.06 | 0.001 | a_trend | false | EXIT        | exit:risk_off          | false
            long  | 35   | 99  | 100   | 0.5  | 0     | 0.001 | a_trend | false | EXIT        | exit:a_trend           | false
            long  | 65   | 101 | 100   | 0.5  | 0     | 0.001 | a_trend | false | HOLD        | holding                | false
            long  | 65   | 101 | 100   | 0.5  | 0     | 0.001 | c_rev   | false | EXIT        | exit:c_rev             | false
            long  | 65   | 101 | 100   | 0.5  | 0     | 0.001 | none    | false | EXIT        | exit:c_rev             | false
            long  | 85   | 101 | 100   | 0.5  | 0     | 0.001 | a_trend | false | EXIT        | opposite_entry:s_short | false
            long  | 35   | 101 | 100   | 0.5  | 0     | 0.001 | a_trend | true  | HOLD        | holding                | false
            short | 45   | 101 | 100   | 0.5  | 0     | 0.001 | none    | false | EXIT        | exit:s_short           | false
            """)
    void decides(String position, Double rsi, double ema12, double close, Double atr, double return1, double vol,
                 String open, boolean expired, SpecDecision.Action action, String reason, boolean emergency) {
        Frame current = frame(PositionState.valueOf(position.toUpperCase()), rsi, ema12, close, atr, return1, vol, expired);
        OpenTrade trade = open.equals("none") ? null : new OpenTrade(PositionState.LONG, open, new BigDecimal("100"),
                new BigDecimal("99"), new BigDecimal("102"));
        SpecDecision d = StrategySpecs.decide(COMPILED, current, null, trade);
        assertEquals(action, d.action(), d.toMap().toString());
        assertEquals(reason, d.reason(), d.toMap().toString());
        assertEquals(emergency, d.emergency());
    }

    @Test
    void anEntryCarriesItsLevelsAndSize() {
        SpecDecision d = StrategySpecs.decide(COMPILED, frame(PositionState.FLAT, 25.0, 101, 100, 0.5, 0, 0.001, false), null, null);
        assertEquals(0, d.price().compareTo(new BigDecimal("100")));
        assertEquals(0, d.stopDistance().compareTo(BigDecimal.ONE));
        assertEquals(0, d.stopPrice().compareTo(new BigDecimal("99")));
        assertEquals(0, d.takeProfitPrice().compareTo(new BigDecimal("102")));
        // risk_at_stop 1 % of 10 000 = 100 at a 1.0 stop: 100 units
        assertEquals(0, d.quantity(new BigDecimal("10000")).compareTo(new BigDecimal("100")));
        OpenTrade t = d.openTrade();
        assertEquals("a_trend", t.triggerId());
        assertTrue(t.stopHit(99.0));
        assertFalse(t.stopHit(99.01));
        assertTrue(t.targetHit(102.0));
        SpecDecision s = StrategySpecs.decide(COMPILED, frame(PositionState.FLAT, 85.0, 99, 100, 0.5, 0, 0.001, false), null, null);
        assertEquals(0, s.stopPrice().compareTo(new BigDecimal("101")));
        assertEquals(0, s.takeProfitPrice().compareTo(new BigDecimal("98")));
        assertNull(StrategySpecs.decide(COMPILED, frame(PositionState.FLAT, 50.0, 99, 100, 0.5, 0, 0.001, false), null, null)
                .quantity(new BigDecimal("10000")));
    }

    @Test
    void missingIndicatorsAreNamed() {
        SpecDecision d = StrategySpecs.decide(COMPILED, frame(PositionState.FLAT, null, 99, 100, 0.5, 0, 0.001, false), null, null);
        assertEquals(Set.of("rsi_14"), d.missing());
        SpecDecision noAtr = StrategySpecs.decide(COMPILED, frame(PositionState.FLAT, 25.0, 101, 100, null, 0, 0.001, false), null, null);
        assertEquals(Set.of("atr_14"), noAtr.missing());
        SpecDecision noPosition = StrategySpecs.decide(COMPILED, frame(null, 25.0, 101, 100, 0.5, 0, 0.001, false), null, null);
        assertEquals(Set.of("position"), noPosition.missing());
    }

    @Test
    void sizingRules() {
        assertEquals(0, entryWith(Sizing.fixedFraction("0.2"), "1m").quantity(new BigDecimal("10000")).compareTo(new BigDecimal("20")));
        // vol_target: σ 0.001 per 1m bar is 0.001·√1440 = 3.79 % a day; 2 % target → 52.7 % of equity, capped at 50 %
        assertEquals(0, entryWith(Sizing.volTarget("2", "0.5"), "1m").quantity(new BigDecimal("10000")).compareTo(new BigDecimal("50")));
        // on 1h bars the same σ is 0.49 % a day: the 2 % target wants 4x, capped at 100 %
        assertEquals(0, entryWith(Sizing.volTarget("2", "1"), "1h").quantity(new BigDecimal("10000")).compareTo(new BigDecimal("100")));
        // 0.5 % target on 1m: 0.5 / 3.795 = 13.17 % of equity → 13.17 units at 100
        BigDecimal q = entryWith(Sizing.volTarget("0.5", "1"), "1m").quantity(new BigDecimal("10000"));
        assertEquals(13.176, q.doubleValue(), 0.001);
    }

    private static SpecDecision entryWith(Sizing sizing, String timeframe) {
        StrategySpec spec = new StrategySpec("sized", null, "BTC-USD", timeframe, List.of(Trigger.entry("go", TriggerCategory.OTHER,
                TriggerDirection.LONG, null, "rsi_14 < 30", null, null)), Level.pct("1"), null, sizing, null, null, false, null,
                null, Author.USER, null);
        SpecDecision d = StrategySpecs.decide(StrategySpecs.compile(spec), frame(PositionState.FLAT, 25.0, 101, 100, 0.5, 0, 0.001, false),
                null, null);
        assertEquals(SpecDecision.Action.ENTER_LONG, d.action(), d.toMap().toString());
        return d;
    }

    static Frame frame(PositionState position, Double rsi, double ema12, double close, Double atr, double return1, double vol,
                       boolean expired) {
        Map<String, Double> v = new HashMap<>();
        v.put("close", close);
        v.put("ema_12", ema12);
        v.put("ema_26", 100.0);
        v.put("return_1", return1);
        v.put("realized_vol_20", vol);
        if (rsi != null) {
            v.put("rsi_14", rsi);
        }
        if (atr != null) {
            v.put("atr_14", atr);
        }
        Instant time = expired ? Instant.parse("2026-07-01T00:00:00Z") : T;
        return new Frame(time, TestVectors.vector("1m", time, v), Map.of(), position);
    }
}
