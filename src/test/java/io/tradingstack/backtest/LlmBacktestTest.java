package io.tradingstack.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradingstack.app.Main;
import io.tradingstack.bus.Json;
import io.tradingstack.llm.local.LocalOpenAiServer;
import io.tradingstack.llm.local.RecordedRequest;
import io.tradingstack.llm.local.ScriptedReply;
import io.tradingstack.testing.Bundled;
import io.tradingstack.testing.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code backtest --strategy llm} on the bundled 4 days of BTC-USD (5-minute bars): offline it is
 * reproducible from its call log; with a model server it keeps to the requests per simulated day;
 * a judge's adjustment made at one day's end changes the sizes of the next day's orders.
 */
class LlmBacktestTest {
    /** A spec a scripted planner answers: many entries, sized at 20 % of equity (under the 25 % symbol cap). */
    private static final String SPEC = """
            {"id": "scripted-rsi", "market": "BTC-USD", "timeframe": "5m", "author": "llm",
             "triggers": [{"id": "rsi_up", "category": "trend_continuation", "direction": "long",
                           "entry_rule": "rsi_14 crosses_above 50", "exit_rule": "rsi_14 crosses_below 45"}],
             "stop_loss": {"type": "pct", "value": 1.0}, "take_profit": {"type": "pct", "value": 2.0},
             "sizing": {"rule": "fixed_fraction", "fraction": 0.2}, "rationale": "scripted"}
            """;
    /** A scripted judge that halves risk for one day after every day. */
    private static final Map<String, Object> HALVE = Map.of("findings", List.of("scripted"), "recommendations", List.of(),
            "prompt_change", Map.of("proposed", false, "rationale", "", "instructions", List.of()),
            "risk_adjustments", List.of(Map.of("multiplier", 0.5, "reason", "scripted halving", "days", 1)));

    @TempDir
    Path dir;

    @Test
    void offlineTwiceGivesTheSameReportAndTheSecondRunCallsNoModel() throws Exception {
        Path csv = Bundled.csv("BTC-USD", dir);
        JsonNode first = run(csv, "first", List.of());
        JsonNode second = run(csv, "second", List.of());
        JsonNode usage1 = usage("first");
        JsonNode usage2 = usage("second");
        assertTrue(usage1.get("model_calls").asLong() > 0, usage1.toString());
        assertEquals(0, usage2.get("model_calls").asLong(), usage2.toString());
        assertEquals(usage1.get("requests").asLong(), usage2.get("cache_hits").asLong());
        ((ObjectNode) first).remove("throughput");
        ((ObjectNode) second).remove("throughput");
        assertEquals(first, second);
        JsonNode days = first.get("llm").get("days");
        assertTrue(days.size() >= 4, days.toString());
        for (JsonNode day : days) {
            assertTrue(day.get("judge").get("score").isNumber(), day.toString());
            assertTrue(day.has("adjustments_in_force"), day.toString());
        }
        assertTrue(first.get("metrics").get("trades").asInt() > 0, "the planned specs trade");
    }

    @Test
    void aModelServerGetsNoMoreRequestsPerSimulatedDayThanTheCap() throws Exception {
        Path csv = Bundled.csv("BTC-USD", dir);
        try (LocalOpenAiServer model = LocalOpenAiServer.start()) {
            model.fallback(LlmBacktestTest::answer);
            JsonNode report = run(csv, "capped", List.of("--plan-every", "24", "--llm-calls-per-day", "2",
                    "--set", "LLM_PROVIDER=openai", "--set", "OPENAI_BASE_URL=" + model.baseUrl(), "--set", "OPENAI_API_KEY=test"));
            JsonNode days = report.get("llm").get("days");
            int kept = 0;
            for (JsonNode day : days) {
                assertTrue(day.get("llm_requests").asInt() <= 2, day.toString());
                for (JsonNode plan : day.get("plans")) {
                    kept += plan.get("reason") != null && plan.get("reason").asText().startsWith("cap of 2") ? 1 : 0;
                }
            }
            assertTrue(kept > 0, "plans beyond the cap are recorded as kept: " + days);
            assertTrue(model.requests().size() <= 2 * days.size(), model.requests().size() + " requests over " + days.size() + " days");
            assertEquals(report.get("llm").get("requests").asInt(), model.requests().size(), "every request reached the server once");
        }
    }

    @Test
    void anAdjustmentOfTheJudgeOnOneDayChangesTheSizesOfTheNextDay() throws Exception {
        Path csv = Bundled.csv("BTC-USD", dir);
        try (LocalOpenAiServer model = LocalOpenAiServer.start()) {
            model.fallback(LlmBacktestTest::answer);
            List<String> llm = List.of("--set", "LLM_PROVIDER=openai", "--set", "OPENAI_BASE_URL=" + model.baseUrl(),
                    "--set", "OPENAI_API_KEY=test");
            JsonNode judged = run(csv, "judged", llm);
            List<String> noJudge = new ArrayList<>(llm);
            noJudge.add("--no-judge");
            JsonNode alone = run(csv, "alone", noJudge);
            JsonNode a = judged.get("llm").get("days");
            JsonNode b = alone.get("llm").get("days");
            int d = firstDayWithEntries(a);
            assertEquals(a.get(d).get("entry_qtys"), b.get(d).get("entry_qtys"), "the same day d before any adjustment");
            assertEquals(0, BigDecimal.ONE.compareTo(a.get(d).get("adjustments_in_force").get("global").decimalValue()));
            assertEquals(0, new BigDecimal("0.5").compareTo(a.get(d + 1).get("adjustments_in_force").get("global").decimalValue()),
                    "the adjustment made at the end of day d is in force on day d+1");
            BigDecimal withJudge = a.get(d + 1).get("entry_qtys").get(0).decimalValue();
            BigDecimal without = b.get(d + 1).get("entry_qtys").get(0).decimalValue();
            assertTrue(withJudge.compareTo(without) < 0, "day d+1 sized " + withJudge + " with the adjustment, " + without + " without");
        }
    }

    @Test
    void theStrategistPlansFromTheBarsClosedSoFarOnly() {
        Dataset bars = Resampler.resample(DatasetLoader.load(Bundled.csv("BTC-USD", dir), "BTC-USD", null), "5m");
        try (io.tradingstack.llm.FileCallLog log = io.tradingstack.llm.FileCallLog.open(dir.resolve("audit.jsonl"))) {
            io.tradingstack.llm.LlmService llm = io.tradingstack.llm.LlmSettings.from(
                    io.tradingstack.runtime.AppConfig.defaults(Map.of())).newService(log, java.time.Clock.systemUTC());
            java.util.Optional<String> audit = LookAheadAudit.audit(List.of(bars),
                    () -> new LlmStrategy(LlmOptions.DEFAULTS, llm::chat, null), BacktestConfig.defaults(), 3);
            assertTrue(audit.isEmpty(), audit.orElse(""));
        }
    }

    private static int firstDayWithEntries(JsonNode days) {
        for (int i = 0; i + 1 < days.size(); i++) {
            if (!days.get(i).get("entry_qtys").isEmpty() && !days.get(i + 1).get("entry_qtys").isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("no two consecutive days with entries: " + days);
    }

    private static ScriptedReply answer(RecordedRequest r) {
        return String.valueOf(r.body().get("response_format")).contains("strategy_spec")
                ? ScriptedReply.text(SPEC) : ScriptedReply.json(HALVE);
    }

    private JsonNode run(Path csv, String name, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("backtest", "--data", csv.toString(), "--pair", "BTC-USD", "--timeframe", "5m",
                "--strategy", "llm", "--data-dir", dir.resolve("data-" + name.replaceAll("second", "first")).toString(),
                "--out", dir.resolve(name).toString(), "--no-progress"));
        args.addAll(extra);
        Console.Captured c = Console.capture(() -> Main.execute(args.toArray(String[]::new)));
        assertEquals(0, c.code(), c.err() + c.out());
        return Json.MAPPER.readTree(dir.resolve(name).resolve("report.json").toFile());
    }

    private JsonNode usage(String name) throws Exception {
        return Json.MAPPER.readTree(dir.resolve(name).resolve(BacktestRunner.LLM_USAGE_FILE).toFile());
    }
}
