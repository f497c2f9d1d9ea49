package io.tradingstack.agents.judge;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.risk.RiskAdjustment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskPhraseTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            cut risk by 25% until two winning days     | -       | 0.75 | -  | -          | 2
            cap risk at 10%                            | -       | 0.10 | -  | -          | -
            halve BTC-USD size for 3 days              | BTC-USD | 0.5  | 3  | -          | -
            Reduce the global risk by 40 percent.      | -       | 0.60 | -  | -          | -
            lower ETH-USD exposure by 30% for 1 week   | ETH-USD | 0.70 | 7  | -          | -
            cut position size for SOL-USD by 20%       | SOL-USD | 0.80 | -  | -          | -
            cap BTC-USD's risk at 0.5x until 2026-12-09 | BTC-USD | 0.5  | -  | 2026-12-09 | -
            raise risk by 10% for two days             | -       | 1.10 | 2  | -          | -
            double risk                                | -       | 2    | -  | -          | -
            trim sizing by 15% until 3 green days      | -       | 0.85 | -  | -          | 3
            """)
    void phrasings(String phrase, String symbol, BigDecimal multiplier, Integer days, LocalDate until, Integer winning) {
        AdjustmentProposal p = RiskPhrase.parse(phrase);
        assertEquals(symbol, p.symbol(), phrase);
        assertEquals(0, multiplier.compareTo(p.multiplier()), phrase + ": " + p.multiplier());
        assertEquals(days, p.days(), phrase);
        assertEquals(until, p.until(), phrase);
        assertEquals(winning, p.untilWinningDays(), phrase);
        assertEquals(phrase.trim(), p.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            stop all trading                       | JUDGE_ADJUSTMENT_REFUSED
            disable BTC-USD                        | JUDGE_ADJUSTMENT_REFUSED
            cut risk by 100%                       | JUDGE_ADJUSTMENT_REFUSED
            cut risk by 150%                       | JUDGE_ADJUSTMENT_REFUSED
            make it better                         | JUDGE_BAD_PHRASE
            cut risk                               | JUDGE_BAD_PHRASE
            cut risk by 25                         | JUDGE_BAD_PHRASE
            cut by 25%                             | JUDGE_BAD_PHRASE
            cap risk at 10% until forever          | JUDGE_BAD_PHRASE
            cut risk by 25% until 40 winning days  | JUDGE_BAD_PHRASE
            cut risk by 25% for 3 fortnights       | JUDGE_BAD_PHRASE
            halve risk please                      | JUDGE_BAD_PHRASE
            cap risk at 10% until 2026-13-40       | JUDGE_BAD_PHRASE
            """)
    void refusals(String phrase, ErrorCode code) {
        CodedException e = assertThrows(CodedException.class, () -> RiskPhrase.parse(phrase));
        assertEquals(code, e.code(), phrase + ": " + e.getMessage());
    }

    @Test
    void blankAndLongPhrasesAreRefused() {
        assertEquals(ErrorCode.JUDGE_BAD_PHRASE, assertThrows(CodedException.class, () -> RiskPhrase.parse(" ")).code());
        assertEquals(ErrorCode.JUDGE_BAD_PHRASE,
                assertThrows(CodedException.class, () -> RiskPhrase.parse("cut risk by 5% ".repeat(30))).code());
    }

    /** The floors: never under the judge's minimum, never over its maximum; every adjustment ends. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            cap risk at 10%                          | 0.5  | 2026-12-05T12:00:00Z | -
            cut risk by 25% until two winning days   | 0.75 | 2027-01-01T12:00:00Z | 2
            halve BTC-USD size for 3 days            | 0.5  | 2026-12-05T12:00:00Z | -
            double risk                              | 1    | 2026-12-05T12:00:00Z | -
            cut risk by 20% for 9 weeks              | 0.8  | 2027-01-01T12:00:00Z | -
            cut risk by 20% until 2026-12-10         | 0.8  | 2026-12-10T00:00:00Z | -
            cut risk by 20% until 2026-11-10         | 0.8  | 2026-12-05T12:00:00Z | -
            """)
    void clampedAndExpiring(String phrase, BigDecimal multiplier, Instant expires, Integer winning) {
        RiskAdjustment a = AdjustmentPolicy.DEFAULT.toAdjustment(RiskPhrase.parse(phrase), NOW);
        assertEquals(0, multiplier.compareTo(a.multiplier()), phrase + ": " + a.multiplier());
        assertEquals(expires, a.expiresAt(), phrase);
        assertEquals(winning, a.untilWinningDays(), phrase);
        assertEquals("judge", a.author());
        assertTrue(a.activeAt(NOW) && !a.activeAt(expires), phrase);
    }

    @Test
    void clampingIsWrittenIntoTheReason() {
        RiskAdjustment a = AdjustmentPolicy.DEFAULT.toAdjustment(RiskPhrase.parse("cap risk at 10%"), NOW);
        assertEquals("cap risk at 10% (asked 0.1, clamped to 0.5)", a.reason());
        assertEquals(0, new BigDecimal("0.5").compareTo(a.requested()), "the gate is asked for the clamped value");
        assertNull(a.symbol());
        assertThrows(IllegalArgumentException.class,
                () -> new AdjustmentPolicy(new BigDecimal("0.1"), BigDecimal.ONE, 3, 30), "under the gate's floor");
        assertThrows(IllegalArgumentException.class,
                () -> new AdjustmentPolicy(new BigDecimal("0.5"), new BigDecimal("4"), 3, 30), "over the gate's ceiling");
    }
}
