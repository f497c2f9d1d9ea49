package io.tradingstack.strategy.rules;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.FeatureVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden table of the rule language: expressions and what they give on one fixed pair of
 * frames (a 1m spec with a 1h frame above it), and refused expressions with their codes.
 */
class RuleGoldenTest {
    static final RuleEnvironment ENV = RuleEnvironment.of("1m");
    /** 1m: close 100, RSI 25 (35 before), EMA12 101 over EMA26 100 (99.5 before); vol normal, trend up. */
    static final Frame PREVIOUS = frame(Map.of("close", 99.0, "rsi_14", 35.0, "ema_12", 99.5, "ema_26", 100.0,
            "atr_14", 0.3, "sma_20", 99.0, "sma_50", 98.0, "macd_hist", -0.1));
    static final Frame CURRENT = frame(Map.ofEntries(Map.entry("close", 100.0), Map.entry("return_1", 0.01),
            Map.entry("atr_14", 0.3), Map.entry("rsi_14", 25.0), Map.entry("ema_12", 101.0), Map.entry("ema_26", 100.0),
            Map.entry("sma_20", 99.0), Map.entry("sma_50", 98.0), Map.entry("bb_upper", 104.0), Map.entry("bb_middle", 99.0),
            Map.entry("bb_lower", 94.0), Map.entry("bb_percent_b", 0.6), Map.entry("macd", 1.0), Map.entry("macd_signal", 0.5),
            Map.entry("macd_hist", 0.5), Map.entry("volume_multiple_20", 1.8), Map.entry("realized_vol_20", 0.001),
            Map.entry("vwap", 99.5)));

    private static Frame frame(Map<String, Double> base) {
        FeatureVector hour = TestVectors.vector("1h", Map.of("close", 100.0, "rsi_14", 60.0, "atr_14", 2.0,
                "sma_20", 95.0, "sma_50", 90.0, "ema_12", 97.0, "ema_26", 95.0, "realized_vol_20", 0.004));
        return new Frame(null, TestVectors.vector("1m", base), Map.of("1h", hour), PositionState.FLAT);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            rsi_14 < 30                                       | FIRED
            rsi_14 > 30                                       | NOT_FIRED
            RSI_14 < 30                                       | FIRED
            rsi_14 crosses_below 30                           | FIRED
            rsi_14 crosses_above 30                           | NOT_FIRED
            ema_12 crosses_above ema_26                       | FIRED
            ema_12 crosses_below ema_26                       | NOT_FIRED
            close > sma_20 and sma_20 > sma_50                | FIRED
            close between 99 and 101                          | FIRED
            close not between 99 and 101                      | NOT_FIRED
            rsi_14 between 30 and 70                          | NOT_FIRED
            vol_state == 'normal'                             | FIRED
            vol_state in ['high', 'extreme']                  | NOT_FIRED
            vol_state not in ['high', 'extreme']              | FIRED
            trend_state == "uptrend"                          | FIRED
            position == 'flat'                                | FIRED
            position != 'long' and not is_long                | FIRED
            is_flat == true                                   | FIRED
            tf_1h_rsi_14 > 55                                 | FIRED
            tf_1h_trend_state == 'uptrend' and tf_1h_vol_state == 'normal' | FIRED
            tf_60m_rsi_14 > 55                                | FIRED
            tf_1m_rsi_14 < 30                                 | FIRED
            (close - sma_20) / atr_14 > 3                     | FIRED
            2 * atr_14 + close > 100.5                        | FIRED
            -rsi_14 < -20                                     | FIRED
            abs(macd_hist) > 0.4                              | FIRED
            max(rsi_14, 40) == 40                             | FIRED
            min(ema_12, ema_26) >= 100                        | FIRED
            volume_multiple_20 >= 1.5 and macd > macd_signal  | FIRED
            rsi_14 in [25, 30]                                | FIRED
            rsi_14 not in [-25, 30]                           | FIRED
            bb_percent_b between 0.5 and 0.8                  | FIRED
            close >= 1e2 and close < .1e4                     | FIRED
            close < vwap or close > bb_upper                  | NOT_FIRED
            true                                              | FIRED
            false or false                                    | NOT_FIRED
            close / (sma_20 - 99) > 0                         | UNKNOWN
            return_5 > 0                                      | UNKNOWN
            not (return_5 > 0)                                | UNKNOWN
            return_5 > 0 or rsi_14 < 30                       | FIRED
            return_5 > 0 and rsi_14 > 30                      | NOT_FIRED
            return_5 > 0 and rsi_14 < 30                      | UNKNOWN
            tf_15m_rsi_14 > 0                                 | UNKNOWN
            rolling_high_20 crosses_above close               | UNKNOWN
            """)
    void evaluates(String rule, RuleOutcome.Result expected) {
        assertEquals(expected, Rules.compile(rule, ENV).evaluate(CURRENT, PREVIOUS).result(), rule);
    }

    @Test
    void undefinedValuesAreNamed() {
        assertEquals(Set.of("return_5"), Rules.compile("return_5 > 0", ENV).evaluate(CURRENT, PREVIOUS).missing());
        assertEquals(Set.of("division by zero"),
                Rules.compile("close / (sma_20 - 99) > 0", ENV).evaluate(CURRENT, PREVIOUS).missing());
        assertEquals(Set.of("tf_15m_rsi_14"), Rules.compile("tf_15m_rsi_14 > 0", ENV).evaluate(CURRENT, PREVIOUS).missing());
        RuleOutcome first = Rules.compile("rsi_14 crosses_above 30", ENV).evaluate(CURRENT, null);
        assertTrue(first.unknown());
        assertEquals(Set.of("previous bar"), first.missing());
        RuleOutcome noPosition = Rules.compile("is_flat", ENV).evaluate(CURRENT.withPosition(null), null);
        assertEquals(Set.of("position"), noPosition.missing());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            rsi_14 <                      | STRATEGY_RULE_SYNTAX        | 8
            rsi14 < 30                    | STRATEGY_UNKNOWN_IDENTIFIER | 0
            tf_4h_atr_14 > 0              | STRATEGY_UNKNOWN_TIMEFRAME  | 0
            tf_1h_rsi14 > 50              | STRATEGY_UNKNOWN_IDENTIFIER | 0
            tf_1h_position == 'flat'      | STRATEGY_UNKNOWN_IDENTIFIER | 0
            tf_0m_close > 1               | STRATEGY_UNKNOWN_TIMEFRAME  | 0
            rsi(14) < 30                  | STRATEGY_UNKNOWN_FUNCTION   | 0
            sqrt(close) > 1               | STRATEGY_UNKNOWN_FUNCTION   | 0
            close > 'high'                | STRATEGY_TYPE_ERROR         | 8
            vol_state == 'hgh'            | STRATEGY_TYPE_ERROR         | 13
            vol_state > 1                 | STRATEGY_TYPE_ERROR         | 0
            rsi_14                        | STRATEGY_TYPE_ERROR         | 0
            rsi_14 + 1                    | STRATEGY_TYPE_ERROR         | 7
            rsi_14 and close > 1          | STRATEGY_TYPE_ERROR         | 0
            position == vol_state         | STRATEGY_TYPE_ERROR         | 12
            is_flat in [1]                | STRATEGY_TYPE_ERROR         | 0
            close in []                   | STRATEGY_TYPE_ERROR         | 6
            vol_state in ['low', 2]       | STRATEGY_TYPE_ERROR         | 21
            rsi_14 between 70 and 30      | STRATEGY_TYPE_ERROR         | 15
            abs(close, 1) > 0             | STRATEGY_TYPE_ERROR         | 0
            10 < rsi_14 < 30              | STRATEGY_RULE_SYNTAX        | 12
            rsi_14 = 30                   | STRATEGY_RULE_SYNTAX        | 7
            rsi_14 < 30 && close > 1      | STRATEGY_RULE_SYNTAX        | 12
            close > 1 )                   | STRATEGY_RULE_SYNTAX        | 10
            (close > 1                    | STRATEGY_RULE_SYNTAX        | 10
            close crosses_above           | STRATEGY_RULE_SYNTAX        | 19
            'unterminated                 | STRATEGY_RULE_SYNTAX        | 0
            close > 1e999                 | STRATEGY_RULE_SYNTAX        | 8
            close > 1.                    | STRATEGY_RULE_SYNTAX        | 8
            close > 1x                    | STRATEGY_RULE_SYNTAX        | 8
            close > 1 ; drop table        | STRATEGY_RULE_SYNTAX        | 10
            close in [sma_20]             | STRATEGY_RULE_SYNTAX        | 10
            """)
    void refuses(String rule, ErrorCode code, int position) {
        RuleException e = assertThrows(RuleException.class, () -> Rules.compile(rule, ENV), rule);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void unknownNamesListTheAcceptedOnesAndTheClosest() {
        RuleException e = assertThrows(RuleException.class, () -> Rules.compile("rsi14 < 30", ENV));
        assertEquals("rsi_14", e.suggestion());
        assertTrue(e.accepted().containsAll(List.of("close", "rsi_14", "atr_14", "vol_state", "position", "tf_1h_<feature>")),
                e.accepted().toString());
        assertTrue(e.getMessage().contains("did you mean 'rsi_14'?"), e.getMessage());

        RuleException tf = assertThrows(RuleException.class, () -> Rules.compile("tf_4h_atr_14 > 0", ENV));
        assertEquals(List.of("5m", "15m", "1h"), tf.accepted());
        RuleException fn = assertThrows(RuleException.class, () -> Rules.compile("ab(close) > 0", ENV));
        assertEquals("abs", fn.suggestion());
        RuleException value = assertThrows(RuleException.class, () -> Rules.compile("vol_state == 'hgh'", ENV));
        assertEquals("high", value.suggestion());
        assertEquals(List.of("low", "normal", "high", "extreme"), value.accepted());
    }

    @Test
    void crossTimeframeNamesMustBeCoarserMultiplesOfTheSpecTimeframe() {
        RuleEnvironment fiveMinutes = RuleEnvironment.of("5m");
        RuleException finer = assertThrows(RuleException.class, () -> Rules.compile("tf_1m_close > 0", fiveMinutes));
        assertEquals(ErrorCode.STRATEGY_UNKNOWN_TIMEFRAME, finer.code());
        assertEquals(List.of("15m", "1h"), finer.accepted());
        CompiledRule ok = Rules.compile("tf_1h_atr_14 > atr_14 and tf_15m_vol_state != 'extreme'", fiveMinutes);
        assertEquals(Set.of("1h", "15m"), ok.timeframes());
        RuleEnvironment wide = RuleEnvironment.of("1m", List.of("1m", "4h"));
        assertEquals(Set.of("4h"), Rules.compile("tf_4h_atr_14 > 0", wide).timeframes());
        RuleException unknownSpecTf = assertThrows(RuleException.class, () -> RuleEnvironment.of("2m"));
        assertEquals(ErrorCode.STRATEGY_UNKNOWN_TIMEFRAME, unknownSpecTf.code());
    }

    @Test
    void boundsAreEnforced() {
        String deep = "(".repeat(40) + "close > 1" + ")".repeat(40);
        assertEquals(ErrorCode.STRATEGY_RULE_TOO_LARGE, assertThrows(RuleException.class, () -> Rules.compile(deep, ENV)).code());
        String nots = "not ".repeat(40) + "is_flat";
        assertEquals(ErrorCode.STRATEGY_RULE_TOO_LARGE, assertThrows(RuleException.class, () -> Rules.compile(nots, ENV)).code());
        String longRule = "close > 1 and ".repeat(200) + "close > 1";
        assertEquals(ErrorCode.STRATEGY_RULE_TOO_LARGE, assertThrows(RuleException.class, () -> Rules.compile(longRule, ENV)).code());
        String manyTokens = "close > 1 or ".repeat(140) + "close > 1";
        assertTrue(manyTokens.length() < Lexer.MAX_CHARS);
        assertEquals(ErrorCode.STRATEGY_RULE_TOO_LARGE,
                assertThrows(RuleException.class, () -> Rules.compile(manyTokens, ENV)).code());
        String within = "(".repeat(10) + "close > 1" + ")".repeat(10);
        assertTrue(Rules.compile(within, ENV).fires(CURRENT, PREVIOUS));
    }

    @Test
    void theDocumentationListsEveryNameAndCode() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "strategy.md"));
        for (String name : Identifiers.accepted(ENV)) {
            if (!name.startsWith("tf_")) {
                assertTrue(doc.contains("`" + name + "`"), "docs/strategy.md names " + name);
            }
        }
        for (ErrorCode c : ErrorCode.values()) {
            if (c.component().equals("strategy")) {
                assertTrue(doc.contains("| " + c.code() + " | `" + c.name() + "`"), "docs/strategy.md lists " + c);
            }
        }
        for (String f : TypeChecker.FUNCTIONS.keySet()) {
            assertTrue(doc.contains("`" + f + "("), "docs/strategy.md lists the function " + f);
        }
    }

    @Test
    void compiledRulesReportWhatTheyRead() {
        CompiledRule r = Rules.compile("ema_12 crosses_above ema_26 and tf_1h_rsi_14 > 50", ENV);
        assertEquals(Set.of("ema_12", "ema_26", "tf_1h_rsi_14"), r.names());
        assertTrue(r.usesPrevious());
        assertFalse(r.constant());
        assertTrue(Rules.compile("true", ENV).constant());
    }
}
