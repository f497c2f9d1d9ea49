package io.tradingstack.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.tradingstack.bus.PlainSchema;
import io.tradingstack.execution.OrderResult;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A repeated client order id answers the original order inside the duplicate, in the same shape, within the schema. */
class OrderToolsTest {
    @Test
    void aDuplicateCarriesTheOriginalInTheOrdersShape() {
        OrderIntent intent = new OrderIntent("BTC-USD", Side.BUY, new BigDecimal("0.01"), null, OrderType.MARKET, "mine-1", null, null);
        Fill fill = new Fill("f-1", "o-1", "BTC-USD", Side.BUY, new BigDecimal("0.01"), new BigDecimal("50000"),
                new BigDecimal("3"), Liquidity.TAKER, Instant.parse("2026-12-02T10:00:00Z"));
        OrderResult original = OrderResult.of("o-1", intent, OrderStatus.FILLED, List.of(fill));
        ToolResult r = OrderTools.summary("req-2", List.of(OrderResult.duplicate(intent, original)));
        assertFalse(r.isError());
        var valid = McpJsonDefaults.getSchemaValidator().validate(PlainSchema.of(OrderTools.Placed.class), r.structured());
        assertTrue(valid.valid(), valid.errorMessage());
        @SuppressWarnings("unchecked")
        Map<String, Object> order = ((List<Map<String, Object>>) r.structured().get("orders")).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) order.get("original");
        assertEquals("DUPLICATE", order.get("status"));
        assertEquals(order.keySet(), first.keySet());
        assertEquals("FILLED", first.get("status"));
        assertEquals(new BigDecimal("50000"), first.get("average_price"));
    }
}
