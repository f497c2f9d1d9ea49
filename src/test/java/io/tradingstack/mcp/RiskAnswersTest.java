package io.tradingstack.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.PlainSchema;
import io.tradingstack.execution.RiskMessages;
import io.tradingstack.model.Side;
import io.tradingstack.risk.BlockReason;
import io.tradingstack.risk.Direction;
import io.tradingstack.risk.LimitEnforcement;
import io.tradingstack.risk.LimitHint;
import io.tradingstack.risk.RiskAdjustment;
import io.tradingstack.risk.RiskDecision;
import io.tradingstack.risk.TradeRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** get_limit_enforcement's record carries every key of the risk engine's day and matches its own schema. */
class RiskAnswersTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aDayOfDecisionsIsAnsweredAsTheGateCountedIt() {
        TradeRequest client = new TradeRequest(T, "BTC-USD", Side.BUY, Direction.LONG, new BigDecimal("50000"), BigDecimal.ONE, null, false);
        TradeRequest agent = new TradeRequest(T, "ETH-USD", Side.BUY, Direction.LONG, new BigDecimal("3000"), BigDecimal.ONE, null, false,
                "t1", "breakout");
        List<LimitEnforcement.Recorded> decided = new ArrayList<>(List.of(
                new LimitEnforcement.Recorded(client, RiskDecision.block(BlockReason.MAX_POSITION_RISK, "too much at the stop")),
                new LimitEnforcement.Recorded(agent, RiskDecision.block(BlockReason.CATEGORY, "category cap")),
                new LimitEnforcement.Recorded(client, RiskDecision.approve(BigDecimal.ONE,
                        List.of(new LimitHint("max_symbol_exposure_pct", new BigDecimal("9.5"), BigDecimal.TEN, "pct"))))));
        Map<String, Object> day = LimitEnforcement.ofDay(LocalDate.of(2026, 12, 2), decided);
        Map<String, Object> limits = new LinkedHashMap<>();
        for (String k : List.of("max_position_risk_pct", "max_symbol_exposure_pct", "max_portfolio_exposure_pct", "max_daily_loss_pct")) {
            limits.put(k, BigDecimal.ONE);
        }
        limits.put("max_daily_risk_budget_pct", null);
        limits.put("max_trades_per_day", 20);
        limits.put("symbol_vetoes", List.of());
        limits.put("direction_vetoes", List.of("short"));
        RiskAnswers.Enforcement e = RiskAnswers.Enforcement.of(new RiskMessages.Enforcement(day, List.of(), limits, null));
        assertEquals(3, e.tradesAttempted());
        assertEquals(1, e.tradesBlockedByMaxPositionRiskPct());
        assertEquals(1, e.tradesBlockedByCategory());
        assertEquals(List.of("max_position_risk_pct", "category"), e.blockedDetails().stream().map(RiskAnswers.Blocked::reason).toList());
        var valid = McpJsonDefaults.getSchemaValidator().validate(PlainSchema.of(RiskAnswers.Enforcement.class), Plain.of(e));
        assertTrue(valid.valid(), valid.errorMessage());
        assertEquals(List.copyOf(day.keySet()), Plain.object(e).keySet().stream().filter(day::containsKey).toList(),
                "every key of the engine's day (a trades_blocked_by_<reason> for each BlockReason), in its order");
    }

    @Test
    void storedAdjustmentsAreAnsweredWithinTheirSchema() {
        RiskAdjustment global = RiskAdjustment.of(RiskAdjustment.Scope.GLOBAL, null, new BigDecimal("0.5"), "three losing days",
                "judge", T, null, 2);
        RiskAdjustment eth = RiskAdjustment.of(RiskAdjustment.Scope.SYMBOL, "ETH-USD", new BigDecimal("9"), "too volatile",
                "user", T, T.plusSeconds(3600), null);
        RiskAnswers.Adjustments a = RiskAnswers.Adjustments.of(new RiskMessages.Adjustments(T, new BigDecimal("0.5"),
                Map.of("ETH-USD", new BigDecimal("0.5")), List.of(eth, global), new BigDecimal("0.25"), new BigDecimal("3")));
        assertEquals(2, a.count());
        var valid = McpJsonDefaults.getSchemaValidator().validate(PlainSchema.of(RiskAnswers.Adjustments.class), Plain.of(a));
        assertTrue(valid.valid(), valid.errorMessage());
        assertEquals(3, ((Number) Plain.object(a.adjustments().get(0)).get("multiplier")).intValue(), "clamped to the maximum");
    }
}
