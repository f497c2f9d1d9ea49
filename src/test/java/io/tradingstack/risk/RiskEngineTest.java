package io.tradingstack.risk;

import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskEngineTest {
    static final Instant T = Instant.parse("2024-01-02T10:00:00Z");
    static final BigDecimal E = new BigDecimal("10000");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static RiskLimits limits(String pos, String sym, String port, String loss, String budget, Integer trades,
                             Set<String> symbolVetoes, Set<Direction> directionVetoes) {
        return new RiskLimits(d(pos), d(sym), d(port), d(loss), budget == null ? null : d(budget), trades,
                symbolVetoes, directionVetoes);
    }

    static final RiskLimits BASE = RiskLimits.DEFAULTS;

    static TradeRequest buy(String stop) {
        return new TradeRequest(T, "BTC-USD", Side.BUY, Direction.LONG, d("100"), null, stop == null ? null : d(stop), false);
    }

    static AccountSnapshot flat() {
        return new AccountSnapshot(E, E, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static RiskEngine engine(RiskLimits l) {
        return new RiskEngine(l, d("0.0015"), BigDecimal.ONE, 8);
    }

    /** One row: limits, what happens before, the trade and account that must be blocked, and why. */
    record Row(String name, RiskLimits limits, Consumer<RiskEngine> before, TradeRequest request, AccountSnapshot account,
               BlockReason reason, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("max trades per day", limits("2", "25", "80", "3", null, 5, Set.of(), Set.of()),
                        e -> { for (int i = 0; i < 5; i++) { e.evaluate(buy("2"), flat()); } }, buy("2"), flat(),
                        BlockReason.MAX_TRADES_PER_DAY, "Reached max trades per day (5)"),
                new Row("max daily loss", BASE, e -> e.mark(T.minusSeconds(3600), E), buy("2"),
                        new AccountSnapshot(d("9650"), d("9650"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                        BlockReason.MAX_DAILY_LOSS, "Daily loss 3.50% reached max daily loss (3.00%)"),
                new Row("symbol veto", limits("2", "25", "80", "3", null, null, Set.of("BTC-USD"), Set.of()),
                        e -> { }, buy("2"), flat(), BlockReason.SYMBOL_VETO, "Symbol BTC-USD is vetoed"),
                new Row("direction veto", limits("2", "25", "80", "3", null, null, Set.of(), Set.of(Direction.LONG)),
                        e -> { }, buy("2"), flat(), BlockReason.DIRECTION_VETO, "Direction long is vetoed"),
                new Row("max position risk", BASE, e -> { }, buy("1000000"), flat(),
                        BlockReason.MAX_POSITION_RISK, "Per-trade risk cap 200.00 (2.00% of equity) allows no size"),
                new Row("max symbol exposure", BASE, e -> { }, buy("2"),
                        new AccountSnapshot(E, d("7500"), d("25"), d("2500"), d("2500")),
                        BlockReason.MAX_SYMBOL_EXPOSURE, "Exposure to BTC-USD at max symbol exposure (25.00%)"),
                new Row("max portfolio exposure", BASE, e -> { }, buy("2"),
                        new AccountSnapshot(E, d("2000"), BigDecimal.ZERO, BigDecimal.ZERO, d("8000")),
                        BlockReason.MAX_PORTFOLIO_EXPOSURE, "Portfolio exposure at max portfolio exposure (80.00%)"),
                new Row("max daily risk budget", limits("2", "25", "80", "3", "1", null, Set.of(), Set.of()),
                        e -> assertTrue(e.evaluate(buy("10"), flat()).approved()), buy("10"), flat(),
                        BlockReason.MAX_DAILY_RISK_BUDGET, "Daily risk budget (1.00% of equity) exhausted"),
                new Row("insufficient cash", BASE, e -> { }, buy("2"),
                        new AccountSnapshot(E, d("0.5"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                        BlockReason.INSUFFICIENT_CASH, "Insufficient cash 0.50 for a minimum order"),
                new Row("short entry on a spot book", BASE, e -> { },
                        new TradeRequest(T, "BTC-USD", Side.SELL, Direction.SHORT, d("100"), null, d("2"), false), flat(),
                        BlockReason.SPOT_NO_SHORT, "Spot book: no short entry in BTC-USD (nothing held to sell)"),
                new Row("exit with no position", BASE, e -> { },
                        new TradeRequest(T, "BTC-USD", Side.SELL, Direction.EXIT, d("100"), null, null, false), flat(),
                        BlockReason.SIZING_ZERO, "No position in BTC-USD to exit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyLimitBlocksAndIsRecorded(Row row) {
        RiskEngine engine = engine(row.limits());
        engine.mark(T.minusSeconds(7200), E);
        row.before().accept(engine);
        RiskDecision decision = engine.evaluate(row.request(), row.account());
        assertFalse(decision.approved(), row.name());
        assertEquals(row.reason(), decision.reason());
        assertEquals(row.detail(), decision.detail());
        Map<String, Object> day = engine.telemetry().toJson().get(0);
        assertEquals(1L, day.get("trades_blocked_by_" + row.reason().key()));
        List<?> details = (List<?>) day.get("blocked_details");
        assertEquals(row.detail(), ((Map<?, ?>) details.get(details.size() - 1)).get("detail"));
        if (row.reason().riskParameter()) {
            assertEquals(1L, ((Map<?, ?>) day.get("risk_block_breakdown")).get(row.reason().key()));
            assertEquals(1L, day.get("trades_blocked_by_risk_limits"));
        }
    }

    @Test
    void everyReasonHasACounterEvenWhenZero() {
        RiskEngine engine = engine(BASE);
        engine.mark(T, E);
        Map<String, Object> day = engine.telemetry().toJson().get(0);
        for (BlockReason r : BlockReason.values()) {
            assertEquals(0L, day.get("trades_blocked_by_" + r.key()), r.key());
        }
    }

    @Test
    void sizesByStopDistanceAndTheSmallestCapBinds() {
        RiskEngine engine = engine(BASE);
        RiskDecision d = engine.evaluate(buy("10"), flat());
        assertTrue(d.approved());
        assertEquals(0, d.qty().compareTo(d("20")), "2% of 10000 / stop 10 = 20");
        RiskDecision wide = engine.evaluate(buy("1"), flat());
        assertEquals(0, wide.qty().compareTo(d("25")), "symbol exposure 25% of 10000 at 100 = 25 binds before 200");
        assertTrue(wide.hints().stream().anyMatch(h -> h.limit().equals("max_symbol_exposure_pct")));
    }

    @Test
    void emergencyExitPassesDailyCapButIsSizedToThePosition() {
        RiskEngine engine = engine(limits("2", "25", "80", "3", null, 0, Set.of(), Set.of(Direction.EXIT)));
        AccountSnapshot holding = new AccountSnapshot(E, d("9000"), d("2"), d("200"), d("200"));
        TradeRequest normal = new TradeRequest(T, "BTC-USD", Side.SELL, Direction.EXIT, d("100"), null, null, false);
        assertEquals(BlockReason.MAX_TRADES_PER_DAY, engine.evaluate(normal, holding).reason());
        TradeRequest emergency = new TradeRequest(T, "BTC-USD", Side.SELL, Direction.EXIT, d("100"), d("5"), null, true);
        RiskDecision d = engine.evaluate(emergency, holding);
        assertTrue(d.approved());
        assertEquals(0, d.qty().compareTo(d("2")), "never more than the position");
    }

    @Test
    void adjustmentsAreClampedAndExpire() {
        Instant until = T.plusSeconds(60);
        RiskAdjustments a = new RiskAdjustments(d("0.1"), Map.of("ETH-USD", d("9")), until);
        assertEquals(0, a.multiplier("BTC-USD", T).compareTo(d("0.25")));
        assertEquals(0, a.multiplier("ETH-USD", T).compareTo(d("0.25")), "strictest of global and symbol");
        assertEquals(0, new RiskAdjustments(d("5"), Map.of(), null).multiplier("X-USD", T).compareTo(d("3.0")));
        assertEquals(0, a.multiplier("BTC-USD", until).compareTo(BigDecimal.ONE), "expired");
        RiskEngine engine = engine(BASE);
        engine.setAdjustments(new RiskAdjustments(d("0.5"), Map.of(), null));
        RiskDecision d = engine.evaluate(buy("10"), flat());
        assertEquals(0, d.qty().compareTo(d("10")), "risk cap halved: 1% of 10000 / 10");
    }

    @Test
    void dailyStateRollsOverAtUtcMidnight() {
        RiskEngine engine = engine(limits("2", "25", "80", "3", null, 1, Set.of(), Set.of()));
        assertTrue(engine.evaluate(buy("10"), flat()).approved());
        assertFalse(engine.evaluate(buy("10"), flat()).approved());
        TradeRequest tomorrow = new TradeRequest(T.plusSeconds(86_400), "BTC-USD", Side.BUY, Direction.LONG, d("100"),
                null, d("10"), false);
        assertTrue(engine.evaluate(tomorrow, flat()).approved());
        assertEquals(2, engine.telemetry().toJson().size());
        assertEquals(1L, engine.telemetry().toJson().get(1).get("trades_executed"));
        assertEquals(List.of(), engine.telemetry().toJson().get(1).get("blocked_details"));
    }

    @Test
    void configFileAndOverridesFollowPrecedence() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("risk", ".json");
        java.nio.file.Files.writeString(f, "{\"risk_limits\":{\"max_position_risk_pct\":1.25,\"max_trades_per_day\":4,"
                + "\"direction_vetoes\":[\"short\"]},\"risk_adjustments\":{\"global\":0.5}}");
        RiskConfig.Loaded l = RiskConfig.load(f, Map.of("max_position_risk_pct", "0.75"));
        assertEquals(0, l.limits().maxPositionRiskPct().compareTo(d("0.75")));
        assertEquals(4, l.limits().maxTradesPerDay());
        assertEquals(Set.of(Direction.SHORT), l.limits().directionVetoes());
        assertEquals(0, l.limits().maxSymbolExposurePct().compareTo(d("25.0")), "default kept");
        assertEquals(0, l.adjustments().global().compareTo(d("0.5")));
        RiskConfig.Loaded example = RiskConfig.load(java.nio.file.Path.of("configs/risk_limits.example.json"), Map.of());
        assertEquals(0, example.limits().maxPositionRiskPct().compareTo(d("1.25")));
    }
}
