package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grid and seeded random expansion, walk-forward windows, ranking, and the checks of a grid file. */
class SweepGridTest {
    private static final String PARAMS = "\"parameters\": {\"rsi_max\": [50, 60, 70], \"atr_mult\": {\"from\": 1, \"to\": 3, \"step\": 0.5}}";

    private static SweepGrid grid(String more) {
        return GridFile.parse("{\"data\": \"x.csv\", " + PARAMS + more + "}");
    }

    @Test
    void gridExpandsEveryCombinationLastNameFastest() {
        List<ParameterSet> sets = grid("").expand();
        assertEquals(15, sets.size());
        assertEquals("atr_mult=1.0, rsi_max=50", sets.get(0).key());
        assertEquals("atr_mult=1.0, rsi_max=60", sets.get(1).key());
        assertEquals("atr_mult=3.0, rsi_max=70", sets.get(14).key());
        assertEquals(15, sets.stream().map(ParameterSet::key).distinct().count());
        for (int i = 0; i < sets.size(); i++) {
            assertEquals(i, sets.get(i).index());
        }
    }

    @Test
    void randomSearchIsASeededSampleOfTheGrid() {
        List<String> a = keys(grid(", \"search\": \"random\", \"seed\": 7, \"samples\": 6").expand());
        List<String> again = keys(grid(", \"search\": \"random\", \"seed\": 7, \"samples\": 6").expand());
        List<String> other = keys(grid(", \"search\": \"random\", \"seed\": 8, \"samples\": 6").expand());
        assertEquals(a, again, "same seed, same sets");
        assertNotEquals(a, other, "another seed, another sample");
        assertEquals(6, a.stream().distinct().count());
        assertTrue(keys(grid("").expand()).containsAll(a));
        assertEquals(15, grid(", \"search\": \"random\", \"seed\": 7, \"samples\": 99").expand().size(), "more samples than sets: all");
        assertEquals(6, grid(", \"search\": \"random\", \"seed\": 7, \"samples\": 6").size());
        assertEquals(15, grid(", \"search\": \"random\", \"seed\": 7, \"samples\": 99").size());
        assertEquals(15, grid("").size());
    }

    @Test
    void walkForwardWindowsRollByTheStepAndStopAtTheDataEnd() {
        WalkForward wf = WalkForward.parse("train=10d,test=5d,step=5d");
        long day = 86_400;
        List<Window> w = wf.windows(0, 31 * day);
        assertEquals(4, w.size(), "starts 0, 5, 10, 15 days; the next test would end on day 35");
        assertEquals(new Window(1, 5 * day, 15 * day, 15 * day, 20 * day), w.get(1));
        assertEquals(30 * day, w.get(3).testTo());
        assertEquals(WalkForward.parse("train=10d,test=5d").stepSec(), 5 * day, "step defaults to test");
        assertEquals(List.of(), wf.windows(0, 14 * day));
        assertCode(ErrorCode.SWEEP_BAD_GRID, () -> WalkForward.parse("train=10x,test=5d"));
        assertCode(ErrorCode.SWEEP_BAD_GRID, () -> WalkForward.parse("test=5d"));
    }

    @Test
    void rankingIsByTheMetricThenTheSetNeverByFinishingOrder() {
        RunResult a = run(0, "0.10", "0.30");
        RunResult b = run(1, "0.20", "0.10");
        RunResult c = run(2, "0.10", "0.20");
        RunResult d = run(3, null, "0.05");
        assertEquals(List.of(1, 0, 2, 3), indices(Ranking.rank(List.of(d, c, b, a), "total_return")),
                "ties by the set's key (a=0 before a=2), undefined last");
        assertEquals(indices(Ranking.rank(List.of(a, b, c, d), "total_return")),
                indices(Ranking.rank(List.of(d, b, a, c), "total_return")));
        assertEquals(List.of(3, 1, 2, 0), indices(Ranking.rank(List.of(a, b, c, d), "max_drawdown")), "lowest drawdown first");
    }

    @Test
    void aBadGridIsACodedErrorSayingWhat() {
        assertMessage("unknown key 'paramters'", "{\"data\": \"x\", \"paramters\": {}}");
        assertMessage("has no parameter 'fast'", "{\"data\": \"x\", \"parameters\": {\"fast\": [1]}}");
        assertMessage("has no parameter 'rsi_max'",
                "{\"data\": \"x\", \"strategy\": \"buy-and-hold\", \"parameters\": {\"rsi_max\": [1]}}");
        assertMessage("out of range", "{\"data\": \"x\", \"parameters\": {\"rsi_max\": [0, 50]}}");
        assertMessage("needs \"data\"", "{" + PARAMS + "}");
        assertMessage("random search needs \"samples\"", "{\"data\": \"x\", \"search\": \"random\", " + PARAMS + "}");
        assertMessage("unknown metric 'alpha'", "{\"data\": \"x\", \"metric\": \"alpha\", " + PARAMS + "}");
        assertMessage("from <= to and step > 0", "{\"data\": \"x\", \"parameters\": {\"rsi_max\": {\"from\": 5, \"to\": 1, \"step\": 1}}}");
        assertMessage("not JSON", "{\"data\": ");
    }

    private static void assertMessage(String part, String json) {
        CodedException e = assertThrows(CodedException.class, () -> GridFile.parse(json));
        assertEquals(ErrorCode.SWEEP_BAD_GRID, e.code());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static void assertCode(ErrorCode code, Runnable r) {
        assertEquals(code, assertThrows(CodedException.class, r::run).code());
    }

    private static RunResult run(int index, String totalReturn, String drawdown) {
        Map<String, BigDecimal> metrics = new java.util.LinkedHashMap<>();
        metrics.put("total_return", totalReturn == null ? null : new BigDecimal(totalReturn));
        metrics.put("max_drawdown", new BigDecimal(drawdown));
        return new RunResult(SweepBatch.GRID, -1, index, Map.of("a", BigDecimal.valueOf(index)), metrics, 10,
                "node-" + (3 - index), 1);
    }

    private static List<Integer> indices(List<RunResult> runs) {
        return runs.stream().map(RunResult::index).toList();
    }

    private static List<String> keys(List<ParameterSet> sets) {
        return sets.stream().map(ParameterSet::key).toList();
    }
}
