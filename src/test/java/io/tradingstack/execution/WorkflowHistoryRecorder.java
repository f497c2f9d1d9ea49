package io.tradingstack.execution;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.tradingstack.testing.Eventually;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Records the histories replayed by {@link WorkflowReplayTest}. Runs only with
 * {@code -Drecord.histories=true}; re-record after an intended change of workflow code.
 */
class WorkflowHistoryRecorder {

    @Test
    void record() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("record.histories"));
        try (OrderStack stack = new OrderStack(Map.of())) {
            OrderService orders = stack.orders();
            orders.place(new PlaceOrderRequest("rec-market", List.of(
                    new OrderIntent("BTC-USD", Side.BUY, new BigDecimal("0.01"), null, OrderType.MARKET, null, null),
                    new OrderIntent("DOGE-USD", Side.BUY, new BigDecimal("1"), null, OrderType.MARKET, null, null)), false));
            OrderResult resting = orders.place(new PlaceOrderRequest("rec-limit", List.of(
                    new OrderIntent("ETH-USD", Side.BUY, new BigDecimal("0.3"), new BigDecimal("2995"), OrderType.LIMIT, null,
                            TimeInForce.GTC)), false)).get(0);
            Eventually.eventually(Duration.ofSeconds(20), "watched", () -> stack.watching(resting.orderId()));
            stack.publish("ETH-USD", "2994", "2995", "0.1");
            Eventually.eventually(Duration.ofSeconds(20), "partial", () -> orders.resting(resting.orderId()).fills().size() == 1);
            stack.publish("ETH-USD", "2993", "2994", "5");
            orders.awaitResting(resting.orderId(), Duration.ofSeconds(30));
            Eventually.eventually(Duration.ofSeconds(20), "ledger workflow caught up", () -> stack.ledgerWorkflow().transactionHistory(null, 100, null).size() == 3);
            save(stack, "place-rec-market", "place-order-market.json");
            save(stack, "place-rec-limit", "place-order-limit.json");
            save(stack, DurableNames.RestingOrder.id(resting.orderId()), "resting-order.json");
            save(stack, DurableNames.Ledger.id(stack.queue), "execution-ledger.json");
        }
    }

    private static void save(OrderStack stack, String workflowId, String file) throws Exception {
        String json = stack.client().fetchHistory(workflowId).toJson(true);
        Files.writeString(Path.of("src/test/resources/histories", file), json);
    }
}
