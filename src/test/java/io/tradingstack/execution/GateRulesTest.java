package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Side;
import io.tradingstack.risk.Direction;
import io.tradingstack.risk.RiskAdjustments;
import io.tradingstack.risk.RiskDay;
import io.tradingstack.risk.RiskEngine;
import io.tradingstack.risk.RiskLimits;
import io.tradingstack.risk.RiskPolicy;
import io.tradingstack.risk.TradeRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The live gate's verdicts, one row per rule: a 1000 USD book (cash, BTC held and free to sell,
 * exposure elsewhere, equity at the decision against a day anchored at 1000), an order, the limits
 * in force, and the code it gets (null = approved at the quantity asked).
 */
class GateRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final BigDecimal COST = new BigDecimal("0.0065");
    private static final RiskLimits LIVE = RiskLimits.LIVE;

    record Row(String name, String equity, String cash, String heldBtc, String elsewhere, Side side, String qty, String stop,
               RiskLimits limits, BigDecimal multiplier, ErrorCode expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static RiskLimits with(Integer trades, Set<String> symbolVetoes, Set<Direction> directionVetoes) {
        return new RiskLimits(LIVE.maxPositionRiskPct(), LIVE.maxSymbolExposurePct(), LIVE.maxPortfolioExposurePct(),
                LIVE.maxDailyLossPct(), LIVE.maxDailyRiskBudgetPct(), trades, symbolVetoes, directionVetoes);
    }

    static Stream<Row> rows() {
        BigDecimal one = BigDecimal.ONE;
        return Stream.of(
                new Row("a small buy passes", "1000", "1000", "0", "0", Side.BUY, "0.001", null, LIVE, one, null),
                new Row("650 USD of one symbol is above 60 %", "1000", "1000", "0", "0", Side.BUY, "0.013", null, LIVE, one,
                        ErrorCode.RISK_SYMBOL_EXPOSURE),
                new Row("more than the cash can pay", "1000", "1000", "0", "0", Side.BUY, "0.03", null, LIVE, one,
                        ErrorCode.ORDER_INSUFFICIENT_CASH),
                new Row("a sale of nothing held would go short", "1000", "1000", "0", "0", Side.SELL, "0.01", null, LIVE, one,
                        ErrorCode.ORDER_INSUFFICIENT_HOLDINGS),
                new Row("a sale beyond the position", "1000", "500", "0.01", "0", Side.SELL, "0.02", null, LIVE, one,
                        ErrorCode.ORDER_INSUFFICIENT_HOLDINGS),
                new Row("an exit passes a spent trade cap", "1000", "500", "0.01", "0", Side.SELL, "0.01", null,
                        with(0, Set.of(), Set.of()), one, null),
                new Row("an entry does not", "1000", "1000", "0", "0", Side.BUY, "0.001", null, with(0, Set.of(), Set.of()), one,
                        ErrorCode.RISK_TRADES_PER_DAY),
                new Row("50 USD at risk at the stop is above 2 %", "1000", "1000", "0", "0", Side.BUY, "0.01", "45000", LIVE, one,
                        ErrorCode.RISK_POSITION_RISK),
                new Row("5 USD at risk at a close stop passes", "1000", "1000", "0", "0", Side.BUY, "0.01", "49500", LIVE, one, null),
                new Row("a vetoed symbol", "1000", "1000", "0", "0", Side.BUY, "0.001", null, with(500, Set.of("BTC-USD"), Set.of()),
                        one, ErrorCode.RISK_SYMBOL_VETO),
                new Row("a vetoed direction", "1000", "1000", "0", "0", Side.BUY, "0.001", null,
                        with(500, Set.of(), Set.of(Direction.LONG)), one, ErrorCode.RISK_DIRECTION_VETO),
                new Row("6 % below the day's anchor", "940", "940", "0", "0", Side.BUY, "0.001", null, LIVE, one,
                        ErrorCode.RISK_DAILY_LOSS),
                new Row("an exit passes the daily loss", "940", "440", "0.01", "0", Side.SELL, "0.01", null, LIVE, one, null),
                new Row("975 USD in all positions is above 95 %", "1000", "100", "0", "900", Side.BUY, "0.0015", null, LIVE, one,
                        ErrorCode.RISK_PORTFOLIO_EXPOSURE),
                new Row("950 USD in all positions is at 95 %", "1000", "100", "0", "900", Side.BUY, "0.001", null, LIVE, one, null),
                new Row("350 USD passes 60 %", "1000", "1000", "0", "0", Side.BUY, "0.007", null, LIVE, one, null),
                new Row("but not a 0.5 adjustment (30 %)", "1000", "1000", "0", "0", Side.BUY, "0.007", null, LIVE,
                        new BigDecimal("0.5"), ErrorCode.RISK_SYMBOL_EXPOSURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void verdict(Row row) {
        RiskEngine engine = new RiskEngine(row.limits(), COST, BigDecimal.ZERO, 8, RiskPolicy.LIVE);
        engine.restore(new RiskDay(LocalDate.ofInstant(NOW, ZoneOffset.UTC), new BigDecimal("1000"), 0, BigDecimal.ZERO));
        engine.setAdjustments(new RiskAdjustments(row.multiplier(), Map.of(), null));
        BigDecimal price = new BigDecimal("50000");
        BigDecimal held = new BigDecimal(row.heldBtc());
        GateAccount account = new GateAccount(new BigDecimal(row.equity()), new BigDecimal(row.cash()), BigDecimal.ZERO)
                .position("BTC-USD", held, held.multiply(price))
                .position("ETH-USD", BigDecimal.ZERO, new BigDecimal(row.elsewhere()));
        BigDecimal qty = new BigDecimal(row.qty());
        TradeRequest r = GateRules.request(NOW, "BTC-USD", row.side(), qty, price,
                row.stop() == null ? null : new BigDecimal(row.stop()), held);
        GateRules.Outcome out = GateRules.decide(engine, r, account.snapshot("BTC-USD"), null, false);
        assertEquals(row.expected(), out.code(), () -> out.decision().toString());
        if (row.expected() == null) {
            assertEquals(0, qty.compareTo(out.decision().qty()), "approved at the quantity asked: " + out.decision());
        } else {
            assertNotNull(out.decision().detail(), "a refusal says why");
        }
    }
}
