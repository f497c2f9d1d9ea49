package io.tradingstack.web;

import io.tradingstack.ledger.PortfolioStatus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** /api/portfolio follows the house conventions: snake_case keys, amounts as exact JSON numbers. */
class DashboardShapeTest {
    @Test
    @SuppressWarnings("unchecked")
    void snakeCaseKeysAndNumbers() {
        JsonObject status = new JsonObject().put("asOf", "2026-01-01T00:00:00Z").put("cash", "996.7").put("availableCash", "996.7")
                .put("realizedPnl", "0.00000001").put("positions", new JsonArray().add(new JsonObject().put("symbol", "BTC-USD")
                        .put("qty", "0.01").put("averageCost", "30000").put("mark", null)));
        Map<String, Object> out = Shapes.ledger(status);
        assertEquals(new BigDecimal("996.7"), out.get("available_cash"));
        assertEquals("0.00000001", ((BigDecimal) out.get("realized_pnl")).toPlainString());
        Map<String, Object> pos = ((List<Map<String, Object>>) out.get("positions")).get(0);
        assertEquals(new BigDecimal("30000"), pos.get("average_cost"));
        assertEquals(null, pos.get("mark"));
        assertEquals("2026-01-01T00:00:00Z", out.get("as_of"));
        assertEquals("{\"as_of\":\"2026-01-01T00:00:00Z\",\"cash\":996.7,\"available_cash\":996.7,\"realized_pnl\":0.00000001,"
                + "\"positions\":[{\"symbol\":\"BTC-USD\",\"qty\":0.01,\"average_cost\":30000,\"mark\":null}]}",
                io.tradingstack.bus.Json.write(out));
    }

    @Test
    void portfolioCarriesPnlGrossAndNetExactly() {
        PortfolioStatus status = new PortfolioStatus(java.time.Instant.parse("2026-01-01T00:00:00Z"), "USD",
                new BigDecimal("1000.35"), new BigDecimal("1000.35"), BigDecimal.ZERO, new BigDecimal("1000.35"),
                new BigDecimal("1000"), new BigDecimal("0.5"), new BigDecimal("0.15"), 3, java.util.List.of(
                        new PortfolioStatus.Position("BTC-USD", null, null, null, null, null, null, new BigDecimal("0.1")),
                        new PortfolioStatus.Position("ETH-USD", null, null, null, null, null, null, new BigDecimal("-0.1"))),
                java.util.List.of());
        Map<String, Object> out = Shapes.portfolio(status);
        assertEquals(new BigDecimal("0.5"), out.get("pnl_gross"), "realized + unrealized, before fees");
        assertEquals(new BigDecimal("0.35"), out.get("pnl_net"), "gross - fees = equity - funding");
    }
}
