package io.tradingstack.backtest.sweep;

import io.tradingstack.app.Main;
import io.tradingstack.testing.Console.Captured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.tradingstack.testing.Console.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code backtest sweep} end to end on 3.3 years of hourly candles: walk-forward out of sample, files, a bad grid refused. */
class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void walkForwardChoosesOnTrainAndMeasuresOnTheFollowingTestSpan() throws Exception {
        Path grid = Files.writeString(dir.resolve("grid.json"), "{\"data\": \"" + SweepClusterTest.DATA + "\","
                + " \"parameters\": {\"rsi_max\": [60, 70], \"atr_mult\": [1.5, 3]}, \"metric\": \"total_return\"}");
        Path out = dir.resolve("out");
        Captured c = capture(() -> Main.execute("backtest", "sweep", "--grid", grid.toString(),
                "--walk-forward", "train=360d,test=180d,step=180d", "--out", out.toString()));
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("out-of-sample return, compounded over the test spans"), c.out());
        SweepResult r = SweepStore.read(Files.readString(out.resolve(SweepFiles.JSON)), SweepFileShape.class).result();
        assertTrue(r.windows().size() >= 4, "3.3 years give at least 4 windows: " + r.windows().size());
        for (WindowResult w : r.windows()) {
            List<RunResult> train = r.ranked().stream().filter(x -> x.window() == w.window().index()).toList();
            assertEquals(4, train.size());
            assertEquals(train.get(0).params(), w.chosen(), "the set ranked first on the training span is tested");
            assertEquals(w.window().trainTo(), w.window().testFrom());
            assertEquals(SweepBatch.TEST, w.test().phase());
            assertTrue(within(w.test().bars(), 180 * 24), "the test run sees only its 180 days of hourly bars: " + w.test().bars());
            assertTrue(within(train.get(0).bars(), 360 * 24), "training sees its 360 days: " + train.get(0).bars());
        }
        List<String> windowsCsv = Files.readAllLines(out.resolve(SweepFiles.WINDOWS_CSV));
        assertEquals(r.windows().size() + 1, windowsCsv.size());
        assertEquals(r.runs() - r.windows().size() + 1, Files.readAllLines(out.resolve(SweepFiles.CSV)).size());
    }

    @Test
    void aWorkerCutsTheBundledCandlesItselfAsTheFileWouldGiveThem() {
        SweepBase bundled = new SweepBase(List.of(), List.of("BTC-USD"), "15m", null, null, null, null, true,
                "2023-04-10", "2023-04-11");
        Path file = io.tradingstack.backtest.BacktestLauncher.bundledSlice("BTC-USD", "2023-04-10", "2023-04-11",
                dir.resolve("slice.json"));
        SweepBase files = new SweepBase(List.of(file.toString()), List.of("BTC-USD"), "15m", null, null, null, null);
        List<ParameterSet> sets = List.of(new ParameterSet(0, java.util.Map.of("rsi_max", java.math.BigDecimal.valueOf(70))));
        RunResult fromJar = new SweepRuns("a").run(new SweepBatch(SweepBatch.GRID, null, bundled, sets)).get(0);
        RunResult fromFile = new SweepRuns("b").run(new SweepBatch(SweepBatch.GRID, null, files, sets)).get(0);
        assertEquals(192, fromJar.bars(), "two days of 15m bars");
        assertEquals(fromFile.metrics(), fromJar.metrics());
    }

    @Test
    void aBadGridIsRefusedBeforeAnythingRuns() throws Exception {
        Path grid = Files.writeString(dir.resolve("bad.json"), "{\"data\": \"" + SweepClusterTest.DATA + "\","
                + " \"parameters\": {\"rsi_max\": [60, 170]}}");
        Path out = dir.resolve("never");
        Captured c = capture(() -> Main.execute("backtest", "sweep", "--grid", grid.toString(), "--out", out.toString()));
        assertEquals(2, c.code());
        assertTrue(c.err().contains("8020 SWEEP_BAD_GRID") && c.err().contains("rsi_max = 170"), c.err());
        assertFalse(Files.exists(out));
        Path good = Files.writeString(dir.resolve("good.json"), "{\"data\": \"" + SweepClusterTest.DATA + "\","
                + " \"parameters\": {\"rsi_max\": [60]}}");
        Captured unreachable = capture(() -> Main.execute("backtest", "sweep", "--grid", good.toString(), "--temporal",
                "127.0.0.1:" + io.tradingstack.testing.TestInfra.freePort(), "--out", out.toString()));
        assertEquals(2, unreachable.code());
        assertTrue(unreachable.err().contains("1200 TEMPORAL_UNAVAILABLE"), unreachable.err());
        assertFalse(Files.exists(out));
    }

    /** At most the span's hours, and at least 95 % of them (the file has a few gaps). */
    private static boolean within(long bars, long hours) {
        return bars <= hours && bars >= hours * 95 / 100;
    }

    /** The shape of sweep.json. */
    record SweepFileShape(SweepRequest request, SweepResult result) {
    }
}
