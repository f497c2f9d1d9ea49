package io.tradingstack.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.app.Main;
import io.tradingstack.bus.Json;
import io.tradingstack.model.Candle;
import io.tradingstack.strategy.DefaultSpecs;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.spec.CompiledTrigger;
import io.tradingstack.strategy.spec.StrategySpec;
import io.tradingstack.testing.Bundled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A strategy spec as a backtest strategy on the bundled real candles: it trades, each entry is a
 * bar where one of its entry rules fires (checked independently of the engine), and a stop or a
 * take-profit is acted on at the first close through it.
 */
class SpecBacktestTest {
    @TempDir
    Path dir;

    @Test
    void theShippedSpecTradesTheBundledDataAndEveryEntryFollowsAFiredRule() {
        for (String market : DefaultSpecs.MARKETS) {
            Path csv = Bundled.csv(market, dir);
            BacktestRunner.Outcome o = BacktestRunner.run(request(csv, market, "spec:default", dir.resolve(market)), ProgressListener.NONE);
            StrategySpec spec = DefaultSpecs.forMarket(market);
            assertEquals("spec:" + spec.id(), o.report().get("strategy"));
            assertEquals("5m", o.report().get("timeframe"), "1m data resampled to the spec's timeframe");
            assertTrue(o.result().fills().size() >= 2, market + " should trade: " + o.result().decisions());
            Map<Long, Frame> frames = independentFrames(spec, market);
            CompiledSpec compiled = StrategySpecs.compile(spec);
            int entries = 0;
            for (String d : o.result().decisions()) {
                String[] f = d.split("\\|");
                if (!f[3].startsWith("entry:")) {
                    continue;
                }
                entries++;
                long close = Long.parseLong(f[0]);
                String id = f[3].substring("entry:".length());
                CompiledTrigger t = compiled.triggers().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
                Frame now = frames.get(close);
                Frame before = frames.get(close - 300);
                assertNotNull(now, "a frame at " + close);
                assertTrue(t.entry().fires(now, before), market + " entry " + id + " at " + close + " without its rule firing");
            }
            assertTrue(entries > 0);
        }
    }

    @Test
    void stopsAndTakeProfitsAreActedOnAtTheFirstCloseThroughThem() throws Exception {
        String market = "BTC-USD";
        Path csv = Bundled.csv(market, dir);
        Path specFile = dir.resolve("tight.json");
        Files.writeString(specFile, """
                {"id": "tight-levels", "market": "BTC-USD", "timeframe": "5m", "author": "user",
                 "triggers": [{"id": "momentum", "category": "other", "direction": "long",
                               "entry_rule": "rsi_14 crosses_above 55"}],
                 "stop_loss": {"type": "pct", "value": 0.3}, "take_profit": {"type": "pct", "value": 0.4},
                 "sizing": {"rule": "fixed_fraction", "fraction": 0.2}}
                """);
        BacktestRunner.Outcome o = BacktestRunner.run(request(csv, market, "spec:" + specFile, dir.resolve("tight")), ProgressListener.NONE);
        Map<Long, Double> closes = new HashMap<>();
        List<Candle> bars = Bundled.rolled(Bundled.candles(market), 300);
        bars.forEach(c -> closes.put(c.end().getEpochSecond(), c.close()));
        List<String[]> decisions = o.result().decisions().stream().map(d -> d.split("\\|")).toList();
        int exits = 0;
        for (int i = 0; i < decisions.size(); i++) {
            String[] d = decisions.get(i);
            if (!d[3].startsWith("entry:") || i + 1 >= decisions.size()) {
                continue;
            }
            long entryClose = Long.parseLong(d[0]);
            double price = closes.get(entryClose);
            double stop = price * (1 - 0.003);
            double target = price * (1 + 0.004);
            long expected = firstCloseThrough(bars, entryClose, stop, target);
            String[] exit = decisions.get(i + 1);
            assertEquals(expected, Long.parseLong(exit[0]), "exit of the entry at " + entryClose);
            assertEquals(closes.get(expected) <= stop ? "stop_hit" : "target_hit", exit[3]);
            exits++;
        }
        assertTrue(exits >= 3, "only " + exits + " exits");
    }

    /** The close time of the first bar after the entry decision whose close is through the stop or the take-profit. */
    private static long firstCloseThrough(List<Candle> bars, long entryClose, double stop, double target) {
        for (Candle c : bars) {
            long close = c.end().getEpochSecond();
            if (close > entryClose && (c.close() <= stop || c.close() >= target)) {
                return close;
            }
        }
        return -1;
    }

    @Test
    void theCommandLineTakesASpecFileAndRefusesABadOneWithItsCode() throws Exception {
        Path csv = Bundled.csv("ETH-USD", dir);
        Path good = dir.resolve("eth.json");
        Files.writeString(good, StrategySpecs.toJson(DefaultSpecs.forMarket("ETH-USD")));
        Path out = dir.resolve("cli");
        io.tradingstack.testing.Console.Captured ok = BacktestCommandTest.capture(() -> Main.execute("backtest", "--data", csv.toString(),
                "--pair", "ETH-USD", "--strategy", "spec:" + good, "--out", out.toString(), "--no-progress"));
        assertEquals(0, ok.code(), ok.err());
        JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        assertEquals("spec:eth-usd-5m-trend-rsi", report.get("strategy").asText());
        assertEquals(0, report.get("risk_limits").get("max_position_risk_pct").decimalValue().compareTo(java.math.BigDecimal.ONE),
                "the spec's tighter per-trade risk applies");
        assertEquals(40, report.get("risk_limits").get("max_trades_per_day").asInt());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(good).replace("rsi_14 crosses_above 50", "rsi14 crosses_above 50"));
        io.tradingstack.testing.Console.Captured refused = BacktestCommandTest.capture(() -> Main.execute("backtest", "--data", csv.toString(),
                "--pair", "ETH-USD", "--strategy", "spec:" + bad, "--out", dir.resolve("bad").toString(), "--no-progress"));
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("9101 STRATEGY_UNKNOWN_IDENTIFIER"), refused.err());
        assertTrue(refused.err().contains("did you mean 'rsi_14'"), refused.err());
        assertFalse(Files.exists(dir.resolve("bad").resolve("report.json")));

        io.tradingstack.testing.Console.Captured wrongMarket = BacktestCommandTest.capture(() -> Main.execute("backtest", "--data", csv.toString(),
                "--pair", "BTC-USD", "--strategy", "spec:" + good, "--out", dir.resolve("wrong").toString(), "--no-progress"));
        assertEquals(2, wrongMarket.code());
        assertTrue(wrongMarket.err().contains("8001") && wrongMarket.err().contains("ETH-USD"), wrongMarket.err());
    }

    private static BacktestRequest request(Path csv, String market, String strategy, Path out) {
        return new BacktestRequest(List.of(csv.toString()), List.of(market), null, null, null, strategy, null, null, null,
                null, null, null, null, out.toString());
    }

    /** Frames of the spec built from the 1m candles rolled up here, not by the engine. */
    private static Map<Long, Frame> independentFrames(StrategySpec spec, String market) {
        List<Candle> bars = Bundled.rolled(Bundled.candles(market), 300);
        List<Frame> frames = StrategySpecs.frames(StrategySpecs.compile(spec), bars, PositionState.FLAT);
        Map<Long, Frame> out = new HashMap<>();
        frames.forEach(f -> out.put(f.time().getEpochSecond(), f));
        return out;
    }
}
