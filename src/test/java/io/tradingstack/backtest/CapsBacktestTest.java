package io.tradingstack.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.app.Main;
import io.tradingstack.bus.Json;
import io.tradingstack.strategy.DefaultSpecs;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.testing.Bundled;
import io.tradingstack.testing.Console;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The execution caps of the risk config in a spec backtest from the command line: a per-symbol
 * trigger budget of one entry a day and a session without entries (00-06 UTC). The same run without
 * caps enters more than once a day and in that session, so the caps bind; with them, no day has a
 * second entry, no entry falls in the session, and report.json's limit_enforcement counts both
 * blocks with the spec trigger that asked.
 */
class CapsBacktestTest {
    @TempDir
    Path dir;

    @Test
    void triggerBudgetAndSessionBindInASpecBacktestAndAreCountedPerDay() throws Exception {
        String market = "BTC-USD";
        Path csv = Bundled.csv(market, dir);
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, StrategySpecs.toJson(DefaultSpecs.forMarket(market)));
        Path caps = dir.resolve("caps.json");
        Files.writeString(caps, """
                {"risk_limits": {"max_position_risk_pct": 2.0},
                 "execution_caps": {"trigger_budgets": {"BTC-USD": 1}, "session_trade_multipliers": "0-6:0,6-24:1"}}
                """);
        JsonNode free = run(csv, spec, null, "free");
        JsonNode capped = run(csv, spec, caps, "capped");

        Map<String, Integer> freeEntries = entriesPerDay(free);
        assertTrue(freeEntries.values().stream().anyMatch(n -> n > 1), "without caps some day has 2+ entries: " + freeEntries);
        assertTrue(entryHours(free).stream().anyMatch(h -> h < 6), "without caps some entry falls in 00-06 UTC");

        Map<String, Integer> cappedEntries = entriesPerDay(capped);
        assertTrue(cappedEntries.values().stream().allMatch(n -> n <= 1), "one entry a day at most: " + cappedEntries);
        assertTrue(entryHours(capped).stream().allMatch(h -> h >= 6), "no entry in 00-06 UTC: " + entryHours(capped));
        assertTrue(!cappedEntries.isEmpty(), "the capped run still trades");

        long budget = 0;
        long session = 0;
        Set<String> triggers = DefaultSpecs.forMarket(market).triggers().stream().map(t -> t.id()).collect(Collectors.toSet());
        for (JsonNode day : capped.get("limit_enforcement")) {
            budget += day.get("trades_blocked_by_trigger_budget").asLong();
            session += day.get("trades_blocked_by_session").asLong();
            for (JsonNode d : day.get("blocked_details")) {
                String reason = d.get("reason").asText();
                if (reason.equals("session")) {
                    assertTrue(Instant.parse(d.get("time").asText()).atZone(ZoneOffset.UTC).getHour() < 6, d.toString());
                    assertEquals("No new entries in session 0-6 UTC (multiplier 0)", d.get("detail").asText());
                }
                if (reason.equals("trigger_budget") || reason.equals("session")) {
                    assertNotNull(d.get("trigger_id"), d.toString());
                    assertTrue(triggers.contains(d.get("trigger_id").asText()), d.toString());
                    assertNotNull(d.get("trigger_category"), d.toString());
                }
                if (reason.equals("trigger_budget")) {
                    assertEquals("Trigger budget of BTC-USD used (1 of 1, session 6-24:1)", d.get("detail").asText());
                }
            }
        }
        assertTrue(budget > 0, "the trigger budget blocks entries");
        assertTrue(session > 0, "the session blocks entries");
        for (JsonNode day : free.get("limit_enforcement")) {
            assertEquals(0, day.get("trades_blocked_by_trigger_budget").asLong() + day.get("trades_blocked_by_session").asLong());
        }
    }

    private JsonNode run(Path csv, Path spec, Path caps, String name) throws Exception {
        Path out = dir.resolve(name);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("backtest", "--data", csv.toString(), "--pair",
                "BTC-USD", "--strategy", "spec:" + spec, "--out", out.toString(), "--no-progress"));
        if (caps != null) {
            args.addAll(java.util.List.of("--risk-config", caps.toString()));
        }
        Console.Captured c = BacktestCommandTest.capture(() -> Main.execute(args.toArray(String[]::new)));
        assertEquals(0, c.code(), c.err());
        return Json.MAPPER.readTree(out.resolve("report.json").toFile());
    }

    private static Map<String, Integer> entriesPerDay(JsonNode report) {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode f : report.get("fills")) {
            if (f.get("side").asText().equalsIgnoreCase("buy")) {
                out.merge(Instant.parse(f.get("time").asText()).atZone(ZoneOffset.UTC).toLocalDate().toString(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static java.util.List<Integer> entryHours(JsonNode report) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (JsonNode f : report.get("fills")) {
            if (f.get("side").asText().equalsIgnoreCase("buy")) {
                out.add(Instant.parse(f.get("time").asText()).atZone(ZoneOffset.UTC).getHour());
            }
        }
        return out;
    }
}
