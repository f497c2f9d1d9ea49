package io.tradingstack.agents.judge;

import io.tradingstack.ledger.EquitySample;
import io.tradingstack.ledger.PostedFill;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JudgeScoreTest {
    private static final ScoringRules RULES = ScoringRules.DEFAULT;

    private static JudgeFigures figures(String start, String end, String dd, String daily, int closed, int won,
                                        String gross, String fees, long attempts, long blocked) {
        List<BigDecimal> days = daily.isBlank() ? List.of()
                : Arrays.stream(daily.split(" ")).map(BigDecimal::new).toList();
        return new JudgeFigures(7, new BigDecimal(start), new BigDecimal(end), new BigDecimal(dd), days, closed, won,
                new BigDecimal(gross), new BigDecimal(fees), attempts, blocked, 0, 0);
    }

    /** Each component from its figures: returns against the 5 % target, drawdown against 10 %, the ratios. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            flat window          | 1000 | 1000 | 0    |                 | 0 | 0 | 0   | 0  | 0  | 0 | 50  | 100 | -   | -    | -   | -
            +5% hits the target  | 1000 | 1050 | 0    | 50              | 0 | 0 | 0   | 0  | 0  | 0 | 100 | 100 | -   | -    | -   | -
            -2.5% loses half     | 1000 | 975  | 0.05 | -10 -15         | 0 | 0 | 0   | 0  | 0  | 0 | 25  | 50  | -   | -    | -   | 0
            -20% floors at 0     | 1000 | 800  | 0.2  | -100 -100       | 0 | 0 | 0   | 0  | 0  | 0 | 0   | 0   | -   | -    | -   | 0
            trades and blocks    | 1000 | 1010 | 0.02 | 5 -2 7          | 4 | 3 | 30  | 10 | 10 | 4 | 60  | 80  | 60  | 75   | 75  | 66.67
            fees ate the profit  | 1000 | 1000 | 0.01 | 3 -3            | 2 | 0 | 5   | 15 | 2  | 0 | 50  | 90  | 100 | 25   | 0   | 50
            """)
    void components(String name, String start, String end, String dd, String daily, int closed, int won, String gross,
                    String fees, long attempts, long blocked, Double returns, Double drawdown, Double decisions,
                    Double costs, Double hitRate, Double consistency) {
        JudgeScore s = JudgeScore.of(figures(start, end, dd, daily == null ? "" : daily, closed, won, gross, fees,
                attempts, blocked), RULES);
        assertEquals(returns, s.component(ScoreComponent.RETURNS), name + " returns");
        assertEquals(drawdown, s.component(ScoreComponent.DRAWDOWN), name + " drawdown");
        assertEquals(decisions, s.component(ScoreComponent.DECISIONS), name + " decisions");
        assertEquals(costs, s.component(ScoreComponent.COSTS), name + " costs");
        assertEquals(hitRate, s.component(ScoreComponent.HIT_RATE), name + " hit rate");
        assertEquals(consistency, s.component(ScoreComponent.CONSISTENCY), name + " consistency");
    }

    @Test
    void scoreIsTheWeightedMeanOfTheDefinedComponents() {
        JudgeScore s = JudgeScore.of(figures("1000", "1010", "0.02", "5 -2 7", 4, 3, "30", "10", 10, 4), RULES);
        double expected = (0.25 * 60 + 0.20 * 80 + 0.15 * 60 + 0.10 * 75 + 0.15 * 75 + 0.15 * 66.67) / 1.0;
        assertEquals(JudgeScore.round(expected), s.score());
        JudgeScore flat = JudgeScore.of(figures("1000", "1000", "0", "", 0, 0, "0", "0", 0, 0), RULES);
        assertEquals(JudgeScore.round((0.25 * 50 + 0.20 * 100) / 0.45), flat.score(), "undefined weights go to the others");
        assertEquals(4, flat.undefined().size());
        assertEquals(JudgeScore.NO_EVIDENCE, JudgeScore.of(JudgeFigures.empty(7), RULES).score(), "a fresh stack");
    }

    @Test
    void weightsAreConfigurableAndValidated() {
        ScoringRules onlyReturns = ScoringRules.of("returns=2", 0.05, 0.10);
        assertEquals(1.0, onlyReturns.weight(ScoreComponent.RETURNS));
        assertEquals(0.0, onlyReturns.weight(ScoreComponent.DRAWDOWN));
        assertEquals(100.0, JudgeScore.of(figures("1000", "1050", "0.3", "", 0, 0, "0", "0", 0, 0), onlyReturns).score());
        for (String bad : List.of("returns", "returns=x", "speed=1", "returns=-1", "returns=0", "returns=1,returns=2")) {
            assertThrows(IllegalArgumentException.class, () -> ScoringRules.of(bad, 0.05, 0.1), bad);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            none                  |                         | insufficient_data | -     | -
            one                   | 40                      | insufficient_data | 40    | -
            rising                | 40 45 60 70             | improving         | 53.75 | 22.5
            falling               | 80 70 60 50 40          | declining         | 60    | -30
            noise is stable       | 60 62 59 61             | stable            | 60.5  | -1
            just the band         | 50 55                   | improving         | 52.5  | 5
            """)
    void trend(String name, String scores, String trend, Double avg, Double improvement) {
        List<Double> xs = scores == null ? List.of() : Arrays.stream(scores.split(" ")).map(Double::valueOf).toList();
        JudgeTrend t = JudgeTrend.of(xs);
        assertEquals(trend, t.trend(), name);
        assertEquals(avg, t.avgScore(), name);
        assertEquals(improvement, t.improvement(), name);
        assertEquals(xs.size(), t.evaluationsCount());
    }

    private static EquitySample at(String time, String equity) {
        BigDecimal e = new BigDecimal(equity);
        return new EquitySample(Instant.parse(time), e, e, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static PostedFill sell(String pnl, String fee) {
        Fill f = new Fill("f" + pnl, "o", "BTC-USD", Side.SELL, BigDecimal.ONE, BigDecimal.TEN, new BigDecimal(fee),
                Liquidity.TAKER, Instant.parse("2026-12-01T10:00:00Z"));
        return new PostedFill(f, 1, false, new BigDecimal(pnl), OrderStatus.FILLED);
    }

    @Test
    void reducerReadsTheLedgerWindow() {
        List<EquitySample> samples = List.of(at("2026-11-28T01:00:00Z", "1000"), at("2026-11-28T23:00:00Z", "1100"),
                at("2026-11-29T12:00:00Z", "990"), at("2026-11-30T12:00:00Z", "1045"));
        JudgeFigures f = FigureReducer.reduce(3, samples, List.of(sell("12", "1"), sell("-4", "1"), sell("1", "2")), 5, 1, 0, 0);
        assertEquals(0, new BigDecimal("1000").compareTo(f.startEquity()));
        assertEquals(0, new BigDecimal("1045").compareTo(f.endEquity()));
        assertEquals(0, new BigDecimal("0.1").compareTo(f.maxDrawdown()), "1100 down to 990");
        assertEquals(List.of(new BigDecimal("100"), new BigDecimal("-110"), new BigDecimal("55")), f.dailyPnl());
        assertEquals(3, f.closedTrades());
        assertEquals(1, f.winningTrades(), "1 - 2 fee is a loss");
        assertEquals(0, new BigDecimal("9").compareTo(f.grossPnl()));
        assertEquals(0, new BigDecimal("4").compareTo(f.fees()));
        assertEquals(1, FigureReducer.winningDaysSince(samples, Instant.parse("2026-11-28T05:00:00Z"),
                LocalDate.parse("2026-12-01")), "the 30th won; the day it was made and the losing 29th do not count");
        assertEquals(0, FigureReducer.winningDaysSince(samples, Instant.parse("2026-11-28T05:00:00Z"),
                LocalDate.parse("2026-11-30")), "today is not complete");
    }

    @Test
    void theAgentsIntentsDecideTheDecisionsComponentWhenThereAreAny() {
        JudgeFigures gateOnly = figures("1000", "1000", "0", "", 0, 0, "0", "0", 10, 5);
        assertEquals(50.0, JudgeScore.of(gateOnly, RULES).component(ScoreComponent.DECISIONS));
        JudgeFigures agent = new JudgeFigures(7, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO, List.of(), 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, 10, 5, 4, 1);
        assertEquals(75.0, JudgeScore.of(agent, RULES).component(ScoreComponent.DECISIONS), "3 of the agent's 4 intents passed");
    }

    @Test
    void figuresRejectInconsistentCounts() {
        assertThrows(IllegalArgumentException.class, () -> figures("1", "1", "0", "", 1, 2, "0", "0", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> figures("1", "1", "0", "", 0, 0, "0", "0", 1, 2));
        assertNull(JudgeScore.of(JudgeFigures.empty(1), RULES).component(ScoreComponent.RETURNS));
        assertTrue(JudgeScore.of(JudgeFigures.empty(1), RULES).undefined().containsKey("returns"));
    }
}
