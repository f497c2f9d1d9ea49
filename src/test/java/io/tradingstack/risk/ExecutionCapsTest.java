package io.tradingstack.risk;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Side;
import io.tradingstack.strategy.spec.TriggerCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The execution caps in the risk engine: each cap allows, then blocks, entries; exits always pass. */
class ExecutionCapsTest {
    static final BigDecimal E = new BigDecimal("10000");

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static TradeRequest entry(String time, String symbol, String category) {
        return new TradeRequest(at(time), symbol, Side.BUY, Direction.LONG, new BigDecimal("100"), new BigDecimal("1"),
                new BigDecimal("2"), false, category == null ? null : "t-" + category, category);
    }

    static TradeRequest exit(String time, String symbol, boolean emergency) {
        return new TradeRequest(at(time), symbol, Side.SELL, Direction.EXIT, new BigDecimal("100"), null, null, emergency,
                "x-1", emergency ? "emergency_exit" : "risk_off");
    }

    static AccountSnapshot account(String position) {
        BigDecimal pos = new BigDecimal(position);
        return new AccountSnapshot(E, E, pos, pos.multiply(new BigDecimal("100")), pos.multiply(new BigDecimal("100")));
    }

    static RiskEngine engine(Integer maxTrades, ExecutionCaps caps) {
        RiskEngine e = new RiskEngine(new RiskLimits(new BigDecimal("2"), new BigDecimal("25"), new BigDecimal("80"),
                new BigDecimal("3"), null, maxTrades, Set.of(), Set.of()), new BigDecimal("0.0015"), BigDecimal.ONE, 8);
        e.setCaps(caps);
        return e;
    }

    /**
     * One row: the caps, the requests in order (E = entry, X = exit, ! = emergency exit; symbol;
     * category; time), and the outcome of each: "ok" or the block reason key.
     */
    record Row(String name, Integer maxTrades, ExecutionCaps caps, List<TradeRequest> requests, List<String> outcomes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String D1 = "2024-01-02T10:00:00Z";
    static final String D1_LATER = "2024-01-02T23:59:00Z";
    static final String D2 = "2024-01-03T00:30:00Z";

    static List<TradeRequest> repeat(int n, TradeRequest r) {
        List<TradeRequest> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r);
        }
        return out;
    }

    static List<TradeRequest> concat(List<TradeRequest> a, TradeRequest... b) {
        List<TradeRequest> out = new ArrayList<>(a);
        out.addAll(Arrays.asList(b));
        return out;
    }

    static Stream<Row> rows() {
        ExecutionCaps categories = new ExecutionCaps(Set.of("trend_continuation"), null, Map.of(), List.of());
        ExecutionCaps perSymbol = new ExecutionCaps(Set.of(), 2, Map.of(), List.of());
        ExecutionCaps budgets = new ExecutionCaps(Set.of(), 2, Map.of("ETH-USD", 1), List.of());
        ExecutionCaps sessions = new ExecutionCaps(Set.of(), 4,  Map.of(),
                ExecutionCaps.parseSessions("0-8:0,8-16:0.5,16-24:1.5"));
        return Stream.of(
                new Row("allowed category passes, another category blocks, no category passes", null, categories,
                        List.of(entry(D1, "BTC-USD", "trend_continuation"), entry(D1, "BTC-USD", "reversal"),
                                entry(D1, "BTC-USD", null)),
                        List.of("ok", "category", "ok")),
                new Row("max triggers per symbol per day, per symbol", null, perSymbol,
                        concat(repeat(2, entry(D1, "BTC-USD", "reversal")), entry(D1, "BTC-USD", "reversal"),
                                entry(D1, "ETH-USD", "reversal")),
                        List.of("ok", "ok", "plan_limit", "ok")),
                new Row("per-symbol cap resets at the UTC day", null, perSymbol,
                        concat(repeat(2, entry(D1, "BTC-USD", "reversal")), entry(D1_LATER, "BTC-USD", "reversal"),
                                entry(D2, "BTC-USD", "reversal")),
                        List.of("ok", "ok", "plan_limit", "ok")),
                new Row("trigger budget replaces the per-symbol cap for its symbol, resets next day", null, budgets,
                        List.of(entry(D1, "ETH-USD", "other"), entry(D1, "ETH-USD", "other"), entry(D1, "BTC-USD", "other"),
                                entry(D1, "BTC-USD", "other"), entry(D1, "BTC-USD", "other"), entry(D2, "ETH-USD", "other")),
                        List.of("ok", "trigger_budget", "ok", "ok", "plan_limit", "ok")),
                new Row("session multiplier 0: no entries; exits and emergency exits pass", null, sessions,
                        List.of(entry("2024-01-02T03:00:00Z", "BTC-USD", "reversal"), exit("2024-01-02T03:00:00Z", "BTC-USD", false),
                                exit("2024-01-02T03:00:00Z", "BTC-USD", true)),
                        List.of("session", "ok", "ok")),
                new Row("session multiplier 0.5 halves the per-symbol cap: floor(4*0.5) = 2", null, sessions,
                        repeat(3, entry("2024-01-02T09:00:00Z", "BTC-USD", "reversal")),
                        List.of("ok", "ok", "plan_limit")),
                new Row("session multiplier 1.5 raises it: floor(4*1.5) = 6", null, sessions,
                        repeat(7, entry("2024-01-02T17:00:00Z", "BTC-USD", "reversal")),
                        List.of("ok", "ok", "ok", "ok", "ok", "ok", "plan_limit")),
                new Row("session scales max_trades_per_day too, never below 1: max(1, floor(1*0.5))", 1,
                        new ExecutionCaps(Set.of(), null, Map.of(), ExecutionCaps.parseSessions("8-16:0.5")),
                        repeat(2, entry("2024-01-02T09:00:00Z", "BTC-USD", "reversal")),
                        List.of("ok", "max_trades_per_day")),
                new Row("exits pass every cap, even a disallowed category with the symbol's budget used", null,
                        new ExecutionCaps(Set.of("reversal"), 0, Map.of("BTC-USD", 0), ExecutionCaps.parseSessions("0-24:0")),
                        List.of(entry(D1, "BTC-USD", "reversal"), exit(D1, "BTC-USD", false), exit(D1, "BTC-USD", true)),
                        List.of("session", "ok", "ok")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachCapAllowsThenBlocks(Row row) {
        RiskEngine e = engine(row.maxTrades(), row.caps());
        List<String> got = new ArrayList<>();
        for (TradeRequest r : row.requests()) {
            RiskDecision d = e.evaluate(r, account(r.isExit() ? "5" : "0"));
            got.add(d.approved() ? "ok" : d.reason().key());
        }
        assertEquals(row.outcomes(), got);
    }

    @Test
    void blocksAreCountedPerDayWithReadableReasons() {
        RiskEngine e = engine(null, new ExecutionCaps(Set.of("trend_continuation"), null, Map.of("BTC-USD", 1), List.of()));
        e.evaluate(entry(D1, "BTC-USD", "trend_continuation"), account("0"));
        e.evaluate(entry(D1, "BTC-USD", "trend_continuation"), account("0"));
        e.evaluate(entry(D1, "BTC-USD", "mean_reversion"), account("0"));
        e.evaluate(entry(D2, "BTC-USD", "trend_continuation"), account("0"));
        List<Map<String, Object>> days = e.telemetry().toJson();
        assertEquals(2, days.size());
        Map<String, Object> d1 = days.get(0);
        assertEquals(1L, d1.get("trades_blocked_by_trigger_budget"));
        assertEquals(1L, d1.get("trades_blocked_by_category"));
        assertEquals(0L, d1.get("trades_blocked_by_session"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> details = (List<Map<String, Object>>) d1.get("blocked_details");
        assertEquals("Trigger budget of BTC-USD used (1 of 1)", details.get(0).get("detail"));
        assertEquals("Trigger category mean_reversion (t-mean_reversion) is not allowed", details.get(1).get("detail"));
        assertEquals("mean_reversion", details.get(1).get("trigger_category"));
        assertEquals(0L, days.get(1).get("trades_blocked_by_trigger_budget"));
        assertEquals(1L, days.get(1).get("trades_executed"));
    }

    @Test
    void dayStateKeepsPerSymbolCountsAcrossARestore() {
        RiskEngine first = engine(null, new ExecutionCaps(Set.of(), 1, Map.of(), List.of()));
        first.evaluate(entry(D1, "BTC-USD", "other"), account("0"));
        RiskEngine second = engine(null, first.caps());
        second.restore(first.day());
        assertEquals("plan_limit", second.evaluate(entry(D1, "BTC-USD", "other"), account("0")).reason().key());
    }

    @Test
    void categoryNamesMatchTheSpecCategories() {
        assertEquals(Arrays.stream(TriggerCategory.values()).map(TriggerCategory::key).collect(Collectors.toSet()),
                ExecutionCaps.CATEGORIES);
    }

    @Test
    void configReadsTheKeysAndRefusesBadOnes(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("caps.json");
        Files.writeString(good, """
                {"risk_limits": {"max_trades_per_day": 10},
                 "execution_caps": {"allowed_trigger_categories": ["trend_continuation", "reversal"],
                                    "max_triggers_per_symbol_per_day": 6, "trigger_budgets": {"ETH-USD": 2},
                                    "session_trade_multipliers": "0-4:1.5,4-24:0.75"}}
                """);
        ExecutionCaps caps = RiskConfig.load(good, Map.of()).caps();
        assertEquals(Set.of("trend_continuation", "reversal"), caps.allowedCategories());
        assertEquals(6, caps.maxTriggersPerSymbolPerDay());
        assertEquals(Map.of("ETH-USD", 2), caps.triggerBudgets());
        assertEquals("[0-4:1.5, 4-24:0.75]", caps.sessions().toString());
        for (String bad : List.of("{\"allowed_trigger_categories\": [\"momentum\"]}", "{\"max_triggers_per_symbol_per_day\": 1.5}",
                "{\"session_trade_multipliers\": \"0-4:1,2-6:1\"}", "{\"session_trade_multipliers\": \"5-3:1\"}",
                "{\"trigger_budget\": {}}")) {
            Path f = dir.resolve("bad.json");
            Files.writeString(f, "{\"execution_caps\": " + bad + "}");
            CodedException ex = assertThrows(CodedException.class, () -> RiskConfig.load(f, Map.of()), bad);
            assertEquals(ErrorCode.RISK_BAD_CONFIG, ex.code(), bad);
            assertTrue(ex.getMessage().contains("execution_caps"), ex.getMessage());
        }
    }
}
