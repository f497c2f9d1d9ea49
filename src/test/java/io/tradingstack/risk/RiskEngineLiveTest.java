package io.tradingstack.risk;

import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.tradingstack.risk.RiskEngineTest.E;
import static io.tradingstack.risk.RiskEngineTest.T;
import static io.tradingstack.risk.RiskEngineTest.buy;
import static io.tradingstack.risk.RiskEngineTest.d;
import static io.tradingstack.risk.RiskEngineTest.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the live gate needs from the engine: check without counting, count, save and restore a day, caps, the live policy. */
class RiskEngineLiveTest {

    static RiskEngine live(RiskLimits limits) {
        return new RiskEngine(limits, d("0.0065"), BigDecimal.ONE, 8, RiskPolicy.LIVE);
    }

    static TradeRequest buyQty(String qty, String stop) {
        return new TradeRequest(T, "BTC-USD", Side.BUY, Direction.LONG, d("100"), d(qty), stop == null ? null : d(stop), false);
    }

    @Test
    void theLivePolicyCapsRiskOnlyAtADeclaredStop() {
        RiskEngine live = live(RiskLimits.LIVE);
        RiskDecision noStop = live.check(buyQty("50", null), flat());
        assertTrue(noStop.approved());
        assertEquals(0, noStop.qty().compareTo(d("50")), "5000 notional: no per-trade risk cap without a stop");
        assertFalse(noStop.caps().containsKey("max_position_risk_pct"));
        RiskDecision stopped = live.check(buyQty("50", "10"), flat());
        assertEquals(0, stopped.qty().compareTo(d("20")), "2% of 10000 at a stop 10 away = 20");
        assertEquals(BlockReason.MAX_POSITION_RISK, stopped.limitedBy());
        RiskEngine backtest = new RiskEngine(RiskLimits.LIVE, d("0.0065"), BigDecimal.ONE, 8);
        assertEquals(0, backtest.check(buyQty("50", null), flat()).qty().compareTo(d("2")),
                "the backtest caps a stop-less notional at 2% of equity");
    }

    @Test
    void capsNameWhatEachConstraintAllows() {
        RiskDecision d = live(RiskLimits.LIVE).check(buyQty("1000", null), flat());
        assertEquals(BlockReason.MAX_SYMBOL_EXPOSURE, d.limitedBy(), "60% of 10000 at 100 = 60 before cash");
        assertEquals(0, d.qty().compareTo(d("60")));
        assertEquals(0, d.caps().get("max_portfolio_exposure_pct").compareTo(d("95")));
        assertTrue(d.caps().get("cash").compareTo(d("99.4")) < 0 && d.caps().get("cash").compareTo(d("99.3")) > 0);
        assertEquals(0, d.caps().get("desired").compareTo(d("1000")));
    }

    @Test
    void checkCountsNothingUntilCounted() {
        RiskEngine e = live(new RiskLimits(d("2"), d("60"), d("95"), d("5"), d("1"), 2, Set.of(), Set.of()));
        TradeRequest r = buyQty("1", "10");
        for (int i = 0; i < 5; i++) {
            assertTrue(e.check(r, flat()).approved(), "checks alone never use up the day");
        }
        e.count(r, d("1"));
        assertEquals(1, e.day().trades());
        assertEquals(0, e.day().budgetUsed().compareTo(d("10")), "risk at the stop: 1 x 10");
        RiskDay saved = e.day();
        e.count(r, d("1"));
        assertEquals(BlockReason.MAX_TRADES_PER_DAY, e.check(r, flat()).reason());
        e.restore(saved);
        assertTrue(e.check(r, flat()).approved(), "a restored day forgets counts made after it was saved");
        TradeRequest exit = new TradeRequest(T, "BTC-USD", Side.SELL, Direction.EXIT, d("100"), null, null, true);
        e.count(exit, d("1"));
        assertEquals(1, e.day().trades(), "emergency exits are exempt");
    }

    @Test
    void aRestoredDayKeepsItsAnchorSoTheDailyLossSurvivesARestart() {
        RiskEngine e = live(RiskLimits.LIVE);
        e.restore(new RiskDay(LocalDate.of(2024, 1, 2), d("10000"), 3, BigDecimal.ZERO));
        AccountSnapshot down = new AccountSnapshot(d("9400"), d("9400"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        RiskDecision d = e.check(buyQty("1", "1"), down);
        assertEquals(BlockReason.MAX_DAILY_LOSS, d.reason(), "6% below the anchor of the restored day");
        assertEquals(3, e.day().trades());
        assertEquals(0, e.dailyLossPct(d("9400")).compareTo(d("6")));
        e.check(new TradeRequest(T.plusSeconds(86_400), "BTC-USD", Side.BUY, Direction.LONG, d("100"), d("1"), d("1"), false), down);
        assertEquals(LocalDate.of(2024, 1, 3), e.day().date());
        assertEquals(0, e.day().anchor().compareTo(d("9400")), "the next day anchors at its first equity");
        assertEquals(0, e.day().trades());
    }

    @Test
    void aSpecTightensTheLimitsOfItsOwnRequests() {
        RiskEngine e = live(RiskLimits.LIVE);
        RiskDecision d = e.check(buyQty("50", "10"), flat(), l -> new RiskLimits(d("1"), l.maxSymbolExposurePct(),
                l.maxPortfolioExposurePct(), l.maxDailyLossPct(), null, l.maxTradesPerDay(), l.symbolVetoes(), l.directionVetoes()));
        assertEquals(0, d.qty().compareTo(d("10")), "1% of 10000 at a stop 10 away");
    }

    @Test
    void storedAdjustmentsCombineStrictestFirstAndEnd() {
        Instant t0 = T.minusSeconds(3600);
        RiskAdjustment cut = RiskAdjustment.of(RiskAdjustment.Scope.GLOBAL, null, d("0.5"), "drawdown", "judge", t0,
                T.plusSeconds(60), null);
        RiskAdjustment boost = RiskAdjustment.of(RiskAdjustment.Scope.GLOBAL, null, d("1.5"), "winning", "judge", t0, null, null);
        RiskAdjustment eth = RiskAdjustment.of(RiskAdjustment.Scope.SYMBOL, "ETH-USD", d("0.1"), "noisy", "user", t0, null, 2);
        List<RiskAdjustment> all = List.of(cut, boost, eth);
        assertEquals(0, RiskAdjustments.inForce(all, T).multiplier("BTC-USD", T).compareTo(d("0.5")));
        assertEquals(0, RiskAdjustments.inForce(all, T).multiplier("ETH-USD", T).compareTo(d("0.25")), "clamped to 0.25");
        assertEquals(0, eth.requested().compareTo(d("0.1")));
        Instant later = T.plusSeconds(61);
        assertEquals(0, RiskAdjustments.inForce(all, later).multiplier("BTC-USD", later).compareTo(d("1.5")), "the cut expired");
        RiskAdjustment revoked = new RiskAdjustment(7, boost.scope(), null, null, boost.requested(), boost.reason(), "judge",
                t0, null, null, T, "rolled back");
        assertEquals(0, RiskAdjustments.inForce(List.of(revoked), later).multiplier("BTC-USD", later).compareTo(BigDecimal.ONE));
        assertTrue(RiskAdjustments.inForce(List.of(), T).isNeutral());
    }

    @Test
    void anAdjustmentRefusesWhatCannotMeanAnything() {
        assertThrows(IllegalArgumentException.class, () -> RiskAdjustment.of(RiskAdjustment.Scope.SYMBOL, null, d("0.5"),
                "x", "judge", T, null, null));
        assertThrows(IllegalArgumentException.class, () -> RiskAdjustment.of(RiskAdjustment.Scope.GLOBAL, null, d("0"),
                "x", "judge", T, null, null));
        assertThrows(IllegalArgumentException.class, () -> RiskAdjustment.of(RiskAdjustment.Scope.GLOBAL, null, d("0.5"),
                " ", "judge", T, null, null));
        assertThrows(IllegalArgumentException.class, () -> RiskAdjustment.of(RiskAdjustment.Scope.GLOBAL, null, d("0.5"),
                "x", "judge", T, T, null));
        assertThrows(IllegalArgumentException.class, () -> RiskAdjustment.of(RiskAdjustment.Scope.GLOBAL, null, d("0.5"),
                "x", "judge", T, null, 0));
    }

    @Test
    void aDayRebuiltFromStoredDecisionsMatchesTheTelemetry() {
        RiskEngine e = new RiskEngine(new RiskLimits(d("2"), d("25"), d("80"), d("3"), null, 2, Set.of("DOGE-USD"), Set.of()),
                d("0.0015"), BigDecimal.ONE, 8);
        List<LimitEnforcement.Recorded> stored = new ArrayList<>();
        List<TradeRequest> requests = List.of(buy("10"), buy("1000000"),
                new TradeRequest(T, "DOGE-USD", Side.BUY, Direction.LONG, d("1"), null, null, false), buy("10"), buy("10"));
        for (TradeRequest r : requests) {
            stored.add(new LimitEnforcement.Recorded(r, e.evaluate(r, flat())));
        }
        Map<String, Object> rebuilt = LimitEnforcement.ofDay(LocalDate.of(2024, 1, 2), stored);
        assertEquals(e.telemetry().toJson().get(0), rebuilt);
        assertEquals(5L, rebuilt.get("trades_attempted"));
        assertEquals(2L, rebuilt.get("trades_executed"));
        assertEquals(1L, rebuilt.get("trades_blocked_by_max_trades_per_day"));
        assertNull(e.check(buy("10"), flat()).limitDetail());
    }
}
