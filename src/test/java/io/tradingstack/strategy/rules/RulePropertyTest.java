package io.tradingstack.strategy.rules;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Whatever text comes in, the compiler answers with a compiled rule or a coded
 * {@link RuleException}, in bounded time; and a compiled rule evaluates on any frame (empty,
 * half-warm, without position or previous bar) without throwing.
 */
class RulePropertyTest {
    /** A hang guard, not a performance figure: compiling one rule takes microseconds. */
    private static final long MAX_NANOS_PER_INPUT = 2_000_000_000L;
    private static final List<String> VOCABULARY = List.of(
            "close", "rsi_14", "atr_14", "ema_12", "ema_26", "sma_20", "macd_hist", "vol_state", "trend_state",
            "position", "is_flat", "tf_1h_rsi_14", "tf_4h_atr_14", "tf_15m_vol_state", "tf_1h_", "tf_", "rsi14",
            "abs", "min", "max", "sqrt", "and", "or", "not", "in", "between", "crosses_above", "crosses_below",
            "true", "false", "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "=", "!", "&&", "(", ")", "[", "]",
            ",", "0", "30", "70.5", "1e3", "1e999", ".5", "1.", "'flat'", "'high'", "\"uptrend\"", "'", "\"", "@", "é", "\u0000");
    private static final List<Frame> FRAMES = frames();

    @Test
    void randomTextNeverEscapesAsAnythingButACodedError() {
        qt().withExamples(4000).withFixedSeed(13L)
                .forAll(strings().allPossible().ofLengthBetween(0, 120))
                .checkAssert(RulePropertyTest::compileSafely);
        qt().withExamples(4000).withFixedSeed(17L)
                .forAll(strings().ascii().ofLengthBetween(0, 300))
                .checkAssert(RulePropertyTest::compileSafely);
    }

    @Test
    void randomTokenSequencesNeverEscape() {
        Gen<String> tokens = lists().of(integers().between(0, VOCABULARY.size() - 1)).ofSizeBetween(0, 60)
                .map(ix -> String.join(" ", ix.stream().map(VOCABULARY::get).toList()));
        qt().withExamples(10000).withFixedSeed(23L).forAll(tokens).checkAssert(RulePropertyTest::compileSafely);
    }

    @Test
    void mutatedValidRulesNeverEscape() {
        String valid = "ema_12 crosses_above ema_26 and rsi_14 between 30 and 70 and vol_state in ['low','normal'] "
                + "and tf_1h_trend_state != 'downtrend' and abs(close - vwap) / atr_14 < 2 and not is_long";
        Gen<String> mutants = lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(1, 8)
                .map(ops -> mutate(valid, ops));
        qt().withExamples(10000).withFixedSeed(29L).forAll(mutants).checkAssert(RulePropertyTest::compileSafely);
    }

    @Test
    void deepAndLongInputsAreRefusedNotCrashed() {
        qt().withExamples(300).withFixedSeed(31L)
                .forAll(integers().between(0, 5000), integers().between(0, 3))
                .checkAssert((n, shape) -> compileSafely(switch (shape) {
                    case 0 -> "(".repeat(n) + "close > 1" + ")".repeat(n);
                    case 1 -> "not ".repeat(n) + "is_flat";
                    case 2 -> "-".repeat(n) + "close > 1";
                    default -> "abs(".repeat(n) + "close" + ")".repeat(n) + " > 1";
                }));
    }

    private static void compileSafely(String source) {
        long t0 = System.nanoTime();
        CompiledRule rule = null;
        try {
            rule = Rules.compile(source, RuleGoldenTest.ENV);
        } catch (RuleException e) {
            assertNotNull(e.code());
            assertTrue(e.code().component().equals("strategy"), e.code().toString());
            assertTrue(e.position() >= 0 && e.position() <= source.length(), "position " + e.position());
        } catch (Throwable t) {
            fail("input '" + source + "' escaped as " + t, t);
        }
        if (rule != null) {
            evaluateEverywhere(rule, source);
        }
        long took = System.nanoTime() - t0;
        assertTrue(took < MAX_NANOS_PER_INPUT, "input '" + source + "' took " + took / 1_000_000 + " ms");
    }

    private static void evaluateEverywhere(CompiledRule rule, String source) {
        for (Frame current : FRAMES) {
            for (Frame previous : FRAMES) {
                try {
                    assertNotNull(rule.evaluate(current, previous).result());
                    rule.fires(current, previous);
                } catch (Throwable t) {
                    fail("rule '" + source + "' threw on evaluation: " + t, t);
                }
            }
        }
    }

    private static String mutate(String s, List<Integer> ops) {
        StringBuilder b = new StringBuilder(s);
        for (int op : ops) {
            int at = b.length() == 0 ? 0 : op % b.length();
            String piece = VOCABULARY.get((op / 7) % VOCABULARY.size());
            switch (op % 4) {
                case 0 -> b.insert(at, piece);
                case 1 -> b.deleteCharAt(Math.min(at, Math.max(0, b.length() - 1)));
                case 2 -> b.setCharAt(Math.min(at, Math.max(0, b.length() - 1)), (char) (32 + op % 95));
                default -> b.insert(at, ' ');
            }
            if (b.length() == 0) {
                b.append(piece);
            }
        }
        return b.toString();
    }

    /** Empty, warm-up, complete, with zeros, without position: every frame a rule may meet. */
    private static List<Frame> frames() {
        List<Frame> out = new ArrayList<>();
        out.add(null);
        out.add(new Frame(null, null, Map.of(), null));
        out.add(Frame.of(TestVectors.vector("1m", Map.of("close", 100.0)), PositionState.LONG));
        Map<String, Double> zeros = new HashMap<>();
        Identifiers.numeric().keySet().forEach(k -> zeros.put(k, 0.0));
        out.add(new Frame(null, TestVectors.vector("1m", zeros), Map.of("1h", TestVectors.vector("1h", zeros)), PositionState.FLAT));
        Map<String, Double> big = new HashMap<>();
        Identifiers.numeric().keySet().forEach(k -> big.put(k, 1e300));
        out.add(new Frame(null, TestVectors.vector("1m", big), Map.of("15m", TestVectors.vector("15m", big)), PositionState.SHORT));
        out.add(RuleGoldenTest.CURRENT);
        return out;
    }
}
