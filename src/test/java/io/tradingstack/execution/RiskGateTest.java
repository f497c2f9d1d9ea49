package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.LedgerDb;
import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.risk.RiskAdjustment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static io.tradingstack.execution.OrderAcceptanceTest.market;
import static io.tradingstack.execution.OrderAcceptanceTest.placeOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live risk gate on the real order path (PostgreSQL, Temporal, ledger): a refused order gets
 * its risk code and writes no order, the day's caps and limit_enforcement survive a restart, and
 * stored adjustments tighten the limits until revoked.
 */
class RiskGateTest {

    @Test
    void theDailyTradeCapRefusesEntriesSurvivesARestartAndLetsExitsThrough() throws Exception {
        LedgerDb db = LedgerDb.fresh();
        Map<String, String> cap = Map.of("RISK_MAX_TRADES_PER_DAY", "2");
        try (OrderStack stack = new OrderStack(db, cap, null)) {
            assertEquals(OrderStatus.FILLED, placeOne(stack, market("BTC-USD", Side.BUY, "0.01")).status());
            assertEquals(OrderStatus.FILLED, placeOne(stack, market("ETH-USD", Side.BUY, "0.2")).status());
            OrderResult third = placeOne(stack, market("ETH-USD", Side.BUY, "0.1"));
            assertEquals(ErrorCode.RISK_TRADES_PER_DAY, third.code(), third::toString);
            assertTrue(third.message().contains("max trades per day (2)"), third.message());
            OrderResult exit = placeOne(stack, market("BTC-USD", Side.SELL, "0.01"));
            assertEquals(OrderStatus.FILLED, exit.status(), "an exit passes the spent cap: " + exit);

            RiskMessages.Enforcement day = enforcement(stack);
            assertEquals(4L, ((Number) day.day().get("trades_attempted")).longValue(), day::toString);
            assertEquals(3L, ((Number) day.day().get("trades_executed")).longValue());
            assertEquals(1L, ((Number) day.day().get("trades_blocked_by_max_trades_per_day")).longValue());
            assertEquals(0, new BigDecimal("10000").compareTo(day.anchor()), "the day is anchored at the first decision's equity");
            assertEquals(2, day.limits().get("max_trades_per_day"));
            LedgerVerifier.Report report = stack.verify();
            assertTrue(report.ok(), report::render);
            assertEquals(3L, report.figures().get("fills"), "the refused order wrote no fill");
        }
        try (OrderStack again = new OrderStack(db, cap, null)) {
            OrderResult afterRestart = placeOne(again, market("ETH-USD", Side.BUY, "0.1"));
            assertEquals(ErrorCode.RISK_TRADES_PER_DAY, afterRestart.code(), "the day's count survived the restart: " + afterRestart);
            assertEquals(2L, ((Number) enforcement(again).day().get("trades_blocked_by_max_trades_per_day")).longValue());
        }
    }

    @Test
    void storedAdjustmentsTightenTheLimitsUntilRevoked() throws Exception {
        try (OrderStack stack = new OrderStack(Map.of())) {
            // 60 % of a 10 000 USD book is 6000 USD of BTC; times 0.25 it is 1500 USD
            RiskAdjustment asked = RiskAdjustment.of(RiskAdjustment.Scope.SYMBOL, "BTC-USD", new BigDecimal("0.25"),
                    "three losing days on BTC", "judge", Instant.now(), null, 2);
            RiskAdjustment stored = request(stack, Addresses.RISK_ADJUST, new RiskMessages.Adjust(asked, "judge-2026-03-02-btc"));
            RiskAdjustment repeated = request(stack, Addresses.RISK_ADJUST, new RiskMessages.Adjust(asked, "judge-2026-03-02-btc"));
            assertEquals(stored.id(), repeated.id(), "the same idempotency key stores one adjustment");
            RiskMessages.Adjustments read = request(stack, Addresses.RISK_ADJUSTMENTS, new RiskMessages.AdjustmentsQuery(10));
            assertEquals(1, read.adjustments().size());
            assertEquals(0, new BigDecimal("0.25").compareTo(read.symbols().get("BTC-USD")), read::toString);

            OrderResult btc = placeOne(stack, market("BTC-USD", Side.BUY, "0.04"));
            assertEquals(ErrorCode.RISK_SYMBOL_EXPOSURE, btc.code(), btc::toString);
            assertEquals(OrderStatus.FILLED, placeOne(stack, market("ETH-USD", Side.BUY, "0.6")).status(),
                    "another symbol keeps its limits");

            RiskAdjustment revoked = request(stack, Addresses.RISK_REVOKE, new RiskMessages.Revoke(stored.id(), "two winning days"));
            assertEquals("two winning days", revoked.revokedReason());
            assertEquals(OrderStatus.FILLED, placeOne(stack, market("BTC-USD", Side.BUY, "0.04")).status());
            OrderResult stopped = placeOne(stack, new OrderIntent("BTC-USD", Side.BUY, new BigDecimal("0.04"), null, OrderType.MARKET,
                    null, null, new BigDecimal("45000")));
            assertEquals(ErrorCode.RISK_POSITION_RISK, stopped.code(), "200 USD at risk at the stop is above 2 %: " + stopped);
            assertTrue(stack.verify().ok());
        }
    }

    @Test
    void executionCapsOfTheRiskFileLimitEntriesPerSymbolAcrossARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("risk.json");
        // a session over the whole day halves the per-symbol cap: max(1, floor(2 * 0.5)) = 1 entry per symbol
        java.nio.file.Files.writeString(file, """
                {"execution_caps": {"max_triggers_per_symbol_per_day": 2, "session_trade_multipliers": "0-24:0.5",
                                    "allowed_trigger_categories": ["trend_continuation"]}}
                """);
        LedgerDb db = LedgerDb.fresh();
        Map<String, String> config = Map.of("RISK_CONFIG_FILE", file.toString());
        try (OrderStack stack = new OrderStack(db, config, null)) {
            assertEquals(OrderStatus.FILLED, placeOne(stack, market("BTC-USD", Side.BUY, "0.01")).status());
            OrderResult second = placeOne(stack, market("BTC-USD", Side.BUY, "0.01"));
            assertEquals(ErrorCode.RISK_PLAN_LIMIT, second.code(), second::toString);
            assertTrue(second.message().contains("used (1 of 1, session 0-24:0.5)"), second.message());
            OrderResult reversal = placeOne(stack, fromTrigger("ETH-USD", "0.2", "rev-1", "reversal"));
            assertEquals(ErrorCode.RISK_CATEGORY, reversal.code(), "an agent's order carries its trigger's category: " + reversal);
            assertTrue(reversal.message().contains("Trigger category reversal (rev-1) is not allowed"), reversal.message());
            assertEquals(OrderStatus.FILLED, placeOne(stack, fromTrigger("ETH-USD", "0.2", "trend-1", "trend_continuation")).status(),
                    "an allowed category on another symbol, which has its own cap");
            assertEquals(OrderStatus.FILLED, placeOne(stack, market("BTC-USD", Side.SELL, "0.01")).status(), "an exit passes the caps");
            RiskMessages.Enforcement day = enforcement(stack);
            assertEquals(1L, ((Number) day.day().get("trades_blocked_by_plan_limit")).longValue(), day::toString);
            assertEquals(1L, ((Number) day.day().get("trades_blocked_by_category")).longValue(), day::toString);
        }
        try (OrderStack again = new OrderStack(db, config, null)) {
            OrderResult afterRestart = placeOne(again, market("BTC-USD", Side.BUY, "0.01"));
            assertEquals(ErrorCode.RISK_PLAN_LIMIT, afterRestart.code(), "the symbol's entries survived the restart: " + afterRestart);
        }
    }

    private static OrderIntent fromTrigger(String symbol, String qty, String triggerId, String category) {
        return new OrderIntent(symbol, Side.BUY, new BigDecimal(qty), null, OrderType.MARKET, null, null, null, triggerId, category);
    }

    private static RiskMessages.Enforcement enforcement(OrderStack stack) {
        return request(stack, Addresses.RISK_ENFORCEMENT, new RiskMessages.EnforcementQuery(null));
    }

    private static <T> T request(OrderStack stack, String address, Object body) {
        return stack.vertx.eventBus().<T>request(address, body).await().body();
    }
}
