package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.strategy.DefaultSpecs;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.RuleEnvironment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validation report: every problem with its code and path, warnings apart, and nothing ever thrown. */
class SpecValidatorTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static ValidationReport validate(String json) {
        return StrategySpecs.validate(json, RuleEnvironment.defaultTimeframes(), NOW);
    }

    static String withRules(String entry0, String exit1) {
        ObjectNode doc = (ObjectNode) SpecSchemaAgreementTest.read(SpecSchemaAgreementTest.FULL);
        SpecSchemaAgreementTest.edit(doc, "/triggers/0/entry_rule", "\"" + entry0 + "\"");
        SpecSchemaAgreementTest.edit(doc, "/triggers/1/exit_rule", "\"" + exit1 + "\"");
        return doc.toString();
    }

    @Test
    void aValidSpecCompilesAndSaysWhatItReads() {
        ValidationReport r = validate(withRules("rsi_14 crosses_above 50 and tf_1h_trend_state == 'uptrend'", "vol_state == 'extreme'"));
        assertTrue(r.valid(), r.errors().toString());
        assertEquals(List.of("t_long", "t_exit"), r.compiled().triggers().stream().map(CompiledTrigger::id).toList());
        assertEquals(java.util.Set.of("1h"), r.compiled().timeframes());
    }

    @Test
    void everyBadRuleIsReportedWithItsPathCodeAndSuggestion() {
        ValidationReport r = validate(withRules("rsi14 > 50", "vol_state == 'extrem'"));
        assertFalse(r.valid());
        assertNull(r.compiled());
        assertEquals(2, r.errors().size(), r.errors().toString());
        Problem first = r.errors().get(0);
        assertEquals(ErrorCode.STRATEGY_UNKNOWN_IDENTIFIER, first.code());
        assertEquals("triggers[0].entry_rule", first.path());
        assertEquals("rsi_14", first.suggestion());
        assertEquals(0, first.position());
        assertTrue(first.accepted().contains("atr_14"));
        Problem second = r.errors().get(1);
        assertEquals(ErrorCode.STRATEGY_TYPE_ERROR, second.code());
        assertEquals("triggers[1].exit_rule", second.path());
        assertEquals("extreme", second.suggestion());
        SpecException e = assertThrows(SpecException.class, r::orThrow);
        assertEquals(ErrorCode.STRATEGY_UNKNOWN_IDENTIFIER, e.code());
        assertEquals(2, e.problems().size());
        Map<String, Object> asMap = r.errors().get(0).toMap();
        assertEquals(9101, asMap.get("code"));
        assertEquals("rsi_14", asMap.get("did_you_mean"));
    }

    @Test
    void anUnavailableSpecTimeframeIsRefused() {
        ObjectNode doc = (ObjectNode) SpecSchemaAgreementTest.read(SpecSchemaAgreementTest.FULL);
        doc.put("timeframe", "4h");
        ValidationReport r = validate(doc.toString());
        assertEquals(ErrorCode.STRATEGY_UNKNOWN_TIMEFRAME, r.errors().get(0).code());
        assertEquals("timeframe", r.errors().get(0).path());
        assertTrue(StrategySpecs.validate(doc.toString(), List.of("1m", "4h"), NOW).valid());
    }

    @Test
    void aConstantEmergencyExitIsRefused() {
        ValidationReport r = validate(withRules("rsi_14 > 50", "1 < 2"));
        assertEquals(ErrorCode.STRATEGY_SPEC_INVALID, r.errors().get(0).code());
        assertTrue(r.errors().get(0).message().contains("emergency_exit_tautology"));
    }

    @Test
    void schemaAndSyntaxProblemsComeBeforeRules() {
        assertEquals("not valid JSON", validate("{\"id\": ").errors().get(0).message().substring(0, 14));
        ValidationReport dup = validate("{\"id\": \"a\", \"id\": \"b\"}");
        assertTrue(dup.errors().get(0).message().contains("Duplicate field"), dup.errors().toString());
        ValidationReport empty = validate("  ");
        assertEquals("empty spec", empty.errors().get(0).message());
        ValidationReport big = validate("{\"notes\": \"" + "x".repeat(SpecValidator.MAX_CHARS) + "\"}");
        assertTrue(big.errors().get(0).message().contains("at most 65536"));
        ValidationReport schema = validate("{\"id\": \"x\", \"market\": \"BTC-USD\"}");
        assertFalse(schema.valid());
        assertTrue(schema.errors().stream().allMatch(p -> p.code() == ErrorCode.STRATEGY_SPEC_INVALID));
        assertTrue(schema.errors().stream().anyMatch(p -> p.message().contains("triggers")), schema.errors().toString());
        ValidationReport array = validate("[1, 2]");
        assertFalse(array.valid());
        ValidationReport deep = validate("[".repeat(100) + "]".repeat(100));
        assertFalse(deep.valid());
    }

    @Test
    void warningsDoNotInvalidate() {
        ObjectNode doc = (ObjectNode) SpecSchemaAgreementTest.read(withRules("true", "vol_state == 'extreme'"));
        SpecSchemaAgreementTest.edit(doc, "/triggers/0/direction", "\"short\"");
        SpecSchemaAgreementTest.edit(doc, "/valid_until", "\"2026-01-01T00:00:00Z\"");
        ValidationReport r = validate(doc.toString());
        assertTrue(r.valid(), r.errors().toString());
        assertEquals(3, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).message().contains("spot"));
    }

    @Test
    void theShippedSpecsAreValidForTheirMarkets() {
        for (String market : DefaultSpecs.MARKETS) {
            StrategySpec spec = DefaultSpecs.forMarket(market);
            assertNotNull(spec, market);
            assertEquals(market, spec.market());
            ValidationReport r = StrategySpecs.validate(StrategySpecs.toJson(spec), RuleEnvironment.defaultTimeframes(), NOW);
            assertTrue(r.valid(), r.errors().toString());
            assertEquals(List.of(), r.warnings());
            assertTrue(spec.allowAutoExecute());
        }
        assertNull(DefaultSpecs.forMarket("DOGE-USD"));
        assertNull(DefaultSpecs.forMarket("../../etc/passwd"));
    }

    @Test
    void riskOverridesOnlyTighten() {
        io.tradingstack.risk.RiskLimits base = io.tradingstack.risk.RiskLimits.DEFAULTS;
        RiskOverrides wider = new RiskOverrides(new java.math.BigDecimal("50"), new java.math.BigDecimal("90"), null, null,
                new java.math.BigDecimal("5"), 30, List.of("short"));
        io.tradingstack.risk.RiskLimits t = wider.tighten(base);
        assertEquals(0, t.maxPositionRiskPct().compareTo(base.maxPositionRiskPct()));
        assertEquals(0, t.maxSymbolExposurePct().compareTo(base.maxSymbolExposurePct()));
        assertEquals(0, t.maxDailyRiskBudgetPct().compareTo(new java.math.BigDecimal("5")));
        assertEquals(30, t.maxTradesPerDay());
        assertTrue(t.directionVetoes().contains(io.tradingstack.risk.Direction.SHORT));
        RiskOverrides tighter = new RiskOverrides(new java.math.BigDecimal("0.5"), null, null, null, null, null, null);
        assertEquals(0, tighter.tighten(base).maxPositionRiskPct().compareTo(new java.math.BigDecimal("0.5")));
    }
}
