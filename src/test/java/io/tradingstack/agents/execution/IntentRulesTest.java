package io.tradingstack.agents.execution;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the model may do with the rules' proposals: answers refused as a whole, and the hybrid merge. */
class IntentRulesTest {
    private static final Proposal BUY = new Proposal("buy", "entry:t", "t", new BigDecimal("0.5"), new BigDecimal("95"), null, false);
    private static final Observation BTC = ScriptedActivities.batch("BTC-USD", "100", "b1", BUY, "0.3").symbols().get(0);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a symbol not asked about     | ETH-USD | buy   | 1    | intent for ETH-USD, which was not asked about
            an unknown action            | BTC-USD | short | 1    | BTC-USD: action must be buy, sell or hold, not short
            a buy of nothing             | BTC-USD | buy   | 0    | BTC-USD: a buy needs qty > 0
            a sell above what is held    | BTC-USD | sell  | 0.31 | BTC-USD: sell 0.31 exceeds the available 0.3 (spot book, no shorts)
            a quantity that is not one   | BTC-USD | buy   | lots | BTC-USD: qty is not a number
            """)
    void refusesAnswersThatDoNotFitTheQuestion(String row, String symbol, String action, String qty, String message) {
        Map<String, Object> answer = Map.of("intents", List.of(Map.of("symbol", symbol, "action", action, "qty", qty, "reason", "r")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntentRules.parse(answer, Map.of("BTC-USD", BTC)), row);
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesTwoIntentsForOneSymbolAndAnAnswerWithoutIntents() {
        Map<String, Object> one = Map.of("symbol", "BTC-USD", "action", "hold", "qty", 0, "reason", "r");
        assertThrows(IllegalArgumentException.class, () -> IntentRules.parse(Map.of("intents", List.of(one, one)), Map.of("BTC-USD", BTC)));
        assertThrows(IllegalArgumentException.class, () -> IntentRules.parse(Map.of("rationale", "no"), Map.of("BTC-USD", BTC)));
    }

    @ParameterizedTest(name = "model {0} {1} on a rules buy of 0.5 -> {2}")
    @CsvSource({"buy, 0.2, 0.2", "buy, 0.5, 0.5", "buy, 9, 0.5", "hold, 0, none", "sell, 0.3, none"})
    void hybridLetsTheModelOnlyVetoOrShrink(String action, String qty, String placed) {
        Intent rules = IntentRules.rules(BTC, true, "rules");
        Intent merged = IntentRules.hybrid(rules, new IntentRules.ModelIntent("BTC-USD", action, new BigDecimal(qty), "why"));
        if ("none".equals(placed)) {
            assertNull(merged);
        } else {
            assertEquals(0, new BigDecimal(placed).compareTo(merged.qty()));
            assertEquals(0, new BigDecimal("95").compareTo(merged.stopPrice()), "the rules' stop stays");
        }
    }

    @Test
    void aProposalOnABarAlreadyActedOnIsNoIntentAndTheModelKeepsTheRulesStop() {
        assertNull(IntentRules.rules(BTC, false, "rules"));
        Intent llm = IntentRules.fromModel(new IntentRules.ModelIntent("BTC-USD", "buy", new BigDecimal("0.1"), "small"), BTC);
        assertEquals(0, new BigDecimal("95").compareTo(llm.stopPrice()));
        assertTrue(llm.reason().startsWith("llm: "));
        assertNull(IntentRules.fromModel(new IntentRules.ModelIntent("BTC-USD", "hold", BigDecimal.ZERO, "wait"), BTC));
    }
}
