package io.tradingstack.agents.execution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gate, row by row: what consults the model, what is skipped, and the readable reason. */
class ExecutionGateTest {
    private static final long NOW = 1_800_000_000_000L;
    /** min move 0.15 %, stale after 300 s, 3 consultations per 600 s window. */
    private static final ExecutionSettings SETTINGS = new ExecutionSettings(true, "llm", 25, new BigDecimal("0.15"), 300, 3, 600,
            List.of("BTC-USD"), 100);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            never consulted                     | -1   |       | 100.00 | 0 | false | true  | BOOTSTRAP  | BOOTSTRAP
            never consulted, signal             | -1   |       | 100.00 | 0 | true  | true  | BOOTSTRAP  | BOOTSTRAP
            tiny move, fresh                    | 10   | 100   | 100.10 | 1 | false | false | PRICE_DELTA | PRICE_DELTA<0.15%
            move exactly at the minimum         | 10   | 100   | 100.15 | 1 | false | true  | PRICE_MOVE | PRICE_MOVE>=0.15%(0.15%)
            move down above the minimum         | 10   | 100   | 99.70  | 1 | false | true  | PRICE_MOVE | PRICE_MOVE>=0.15%(0.3%)
            spec signal without a move          | 10   | 100   | 100.00 | 1 | true  | true  | SIGNAL     | SIGNAL
            stale after 300 s                   | 300  | 100   | 100.01 | 1 | false | true  | STALE      | STALE>=300s
            just under stale                    | 299  | 100   | 100.01 | 1 | false | false | PRICE_DELTA | PRICE_DELTA<0.15%
            window full: big move skipped       | 10   | 100   | 110.00 | 3 | false | false | RATE_LIMIT | RATE_LIMIT:3/3 per 600s
            window full: signal skipped         | 10   | 100   | 100.00 | 3 | true  | false | RATE_LIMIT | RATE_LIMIT:3/3 per 600s
            window full: stale skipped          | 500  | 100   | 100.00 | 3 | false | false | RATE_LIMIT | RATE_LIMIT:3/3 per 600s
            price unknown, fresh                | 10   | 100   |        | 1 | false | false | PRICE_DELTA | PRICE_DELTA<0.15%
            """)
    void verdicts(String row, long secondsSinceConsult, BigDecimal lastPrice, BigDecimal price, int inWindow, boolean signal,
                  boolean consult, String category, String reason) {
        SymbolMemory memory = secondsSinceConsult < 0 ? SymbolMemory.NEW : memory(secondsSinceConsult, lastPrice, inWindow);
        ExecutionGate.Verdict v = ExecutionGate.decide(SETTINGS, memory, price, NOW, signal);
        assertEquals(new ExecutionGate.Verdict(consult, category, reason), v, row);
    }

    @ParameterizedTest(name = "consultations {0} s old leave the window")
    @CsvSource({"600", "601", "5000"})
    void oldConsultationsLeaveTheWindow(long age) {
        SymbolMemory m = new SymbolMemory(new BigDecimal("100"), NOW - age * 1000, List.of(NOW - age * 1000, NOW - age * 1000,
                NOW - age * 1000), null);
        assertEquals("STALE", ExecutionGate.decide(SETTINGS, m, new BigDecimal("100"), NOW, false).category());
    }

    /** The last consultation {@code seconds} ago at {@code price}, {@code count} consultations inside the window. */
    private static SymbolMemory memory(long seconds, BigDecimal price, int count) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(NOW - seconds * 1000 - i);
        }
        return new SymbolMemory(price, NOW - seconds * 1000, times, null);
    }
}
