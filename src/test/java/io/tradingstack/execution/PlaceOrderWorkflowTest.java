package io.tradingstack.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.LedgerVerifier;
import io.tradingstack.ledger.PostedFill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.tradingstack.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Orders end to end: Temporal workflows, the bus, the ledger in PostgreSQL, the ledger workflow. */
class PlaceOrderWorkflowTest {
    private static OrderStack stack;

    @BeforeAll
    static void up() {
        stack = new OrderStack(Map.of());
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    static OrderIntent intent(String symbol, Side side, String qty, String price, OrderType type, String coid, TimeInForce tif) {
        return new OrderIntent(symbol, side, new BigDecimal(qty), price == null ? null : new BigDecimal(price), type, coid, tif);
    }

    static List<OrderResult> place(boolean allOrNothing, OrderIntent... intents) {
        String id = intents.length == 1 ? OrderService.requestIdOf(intents[0], UUID.randomUUID().toString())
                : UUID.randomUUID().toString();
        return stack.orders().place(new PlaceOrderRequest(id, List.of(intents), allOrNothing));
    }

    static void eq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    static void assertInvariants() throws Exception {
        LedgerVerifier.Report r = stack.verify();
        assertTrue(r.ok(), r::render);
    }

    @Test
    void marketOrdersFillAtTheBookWithSlippageAndFeesAndRepeatsPostNothing() throws Exception {
        String coid = "mkt-" + UUID.randomUUID();
        OrderResult buy = place(false, intent("BTC-USD", Side.BUY, "0.01", null, OrderType.MARKET, coid, null)).get(0);
        assertEquals(OrderStatus.FILLED, buy.status(), buy::toString);
        eq("50035.005", buy.averagePrice());
        eq("3.0021003", buy.fees());
        long fills = (long) stack.verify().figures().get("fills");
        OrderResult again = place(false, intent("BTC-USD", Side.BUY, "0.01", null, OrderType.MARKET, coid, null)).get(0);
        assertEquals(buy, again);
        OrderResult inBatch = place(false, intent("BTC-USD", Side.BUY, "0.01", null, OrderType.MARKET, coid, null),
                intent("ETH-USD", Side.BUY, "0.01", null, OrderType.MARKET, null, null)).get(0);
        assertEquals(OrderStatus.DUPLICATE, inBatch.status());
        assertEquals(buy.fills(), inBatch.original().fills());
        assertEquals(fills + 1, (long) stack.verify().figures().get("fills"));
        assertInvariants();
    }

    @Test
    void rejectionsCarryACodeAndWriteNothing() throws Exception {
        LedgerVerifier.Report before = stack.verify();
        assertEquals(ErrorCode.ORDER_UNKNOWN_SYMBOL, place(false, intent("DOGE-USD", Side.BUY, "1", null, OrderType.MARKET, null, null)).get(0).code());
        assertEquals(ErrorCode.ORDER_INSUFFICIENT_HOLDINGS, place(false, intent("ETH-USD", Side.SELL, "100", null, OrderType.MARKET, null, null)).get(0).code());
        assertEquals(ErrorCode.ORDER_INSUFFICIENT_CASH, place(false, intent("BTC-USD", Side.BUY, "100", null, OrderType.MARKET, null, null)).get(0).code());
        assertEquals(ErrorCode.ORDER_PRICE_UNREASONABLE, place(false, intent("BTC-USD", Side.BUY, "0.01", "1000", OrderType.LIMIT, null, null)).get(0).code());
        List<OrderResult> batch = place(true, intent("ETH-USD", Side.BUY, "0.01", null, OrderType.MARKET, null, null),
                intent("BTC-USD", Side.BUY, "100", null, OrderType.MARKET, null, null));
        assertTrue(batch.stream().allMatch(r -> OrderStatus.REJECTED == r.status()), batch::toString);
        LedgerVerifier.Report after = stack.verify();
        assertEquals(before.figures().get("orders"), after.figures().get("orders"));
        assertEquals(before.figures().get("journal entries"), after.figures().get("journal entries"));
    }

    @Test
    void limitOrdersRestFillPartiallyOnTouchesAndIocCancelsTheRest() throws Exception {
        OrderResult ioc = place(false, intent("ETH-USD", Side.BUY, "1", "2990", OrderType.LIMIT, null, TimeInForce.IOC)).get(0);
        assertEquals(OrderStatus.CANCELLED, ioc.status());
        OrderResult resting = place(false, intent("ETH-USD", Side.BUY, "0.3", "2995", OrderType.LIMIT, null, TimeInForce.GTC)).get(0);
        assertEquals(OrderStatus.OPEN, resting.status());
        Eventually.eventually(Duration.ofSeconds(20), "the order is watched", () -> stack.watching(resting.orderId()));
        stack.publish("ETH-USD", "2994", "2995", "0.1");
        Eventually.eventually(Duration.ofSeconds(20), "first partial fill", () -> stack.orders().resting(resting.orderId()).fills().size() == 1);
        assertEquals(OrderStatus.PARTIALLY_FILLED, stack.orders().resting(resting.orderId()).status());
        stack.publish("ETH-USD", "2993", "2994", "5");
        OrderResult done = stack.orders().awaitResting(resting.orderId(), Duration.ofSeconds(30));
        assertEquals(OrderStatus.FILLED, done.status());
        eq("0.3", done.filledQty());
        eq("2995", done.averagePrice());
        eq("3.594", done.fees());

        OrderResult toCancel = place(false, intent("ETH-USD", Side.BUY, "0.2", "2900", OrderType.LIMIT, null, null)).get(0);
        assertTrue(stack.orders().cancel(toCancel.orderId()));
        assertEquals(OrderStatus.CANCELLED, stack.orders().awaitResting(toCancel.orderId(), Duration.ofSeconds(30)).status());
        stack.setBook("ETH-USD", "3000", "3001", "2");
        assertInvariants();
    }

    @Test
    void theLedgerWorkflowRecordsFillsAndAnswersQueries() throws Exception {
        OrderResult buy = place(false, intent("ETH-USD", Side.BUY, "0.5", null, OrderType.MARKET, null, null)).get(0);
        OrderResult sell = place(false, intent("ETH-USD", Side.SELL, "0.2", null, OrderType.MARKET, null, null)).get(0);
        assertEquals(OrderStatus.FILLED, sell.status(), sell::toString);
        String sellFill = sell.fills().get(0).fillId();
        Eventually.eventually(Duration.ofSeconds(20), "the ledger workflow sees the sell", () -> stack.ledgerWorkflow().transactionHistory(null, 1000, null)
                .stream().anyMatch(f -> f.fill().fillId().equals(sellFill)));
        List<PostedFill> eth = stack.ledgerWorkflow().transactionHistory(null, 1000, "ETH-USD");
        assertTrue(eth.stream().allMatch(f -> f.fill().symbol().equals("ETH-USD")));
        assertTrue(eth.stream().anyMatch(f -> f.fill().fillId().equals(buy.fills().get(0).fillId())));
        Map<String, Object> status = stack.ledgerWorkflow().portfolioStatus();
        assertEquals("USD", status.get("quoteCurrency"));
        Map<String, Object> risk = stack.ledgerWorkflow().riskMetrics();
        assertTrue(risk.containsKey("gross_exposure"));
        Map<String, Object> perf = stack.ledgerWorkflow().performanceMetrics(null);
        assertTrue(perf.containsKey("sharpe_ratio"));
        if (perf.get("sharpe_ratio") == null) {
            assertTrue(((Map<?, ?>) perf.get("reasons")).containsKey("sharpe_ratio"));
        }
        assertNull(stack.ledgerWorkflow().portfolioStatus().get("rejectedFills"));
        assertInvariants();
    }

    @Test
    void theBusEdgeTakesReferenceShapedIntents() {
        io.vertx.core.json.JsonObject ok = stack.vertx.eventBus().<io.vertx.core.json.JsonObject>request(
                io.tradingstack.bus.Addresses.EXECUTION_PLACE, new io.vertx.core.json.JsonObject()
                        .put("symbol", "eth-usd").put("side", "BUY").put("qty", 0.01).put("type", "market"),
                new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(30_000)).await().body();
        assertEquals("FILLED", ok.getJsonArray("results").getJsonObject(0).getString("status"));
        for (Object qty : List.of("NaN", "Infinity", -1, 0)) {
            Throwable bad = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> stack.vertx.eventBus()
                    .request(io.tradingstack.bus.Addresses.EXECUTION_PLACE, new io.vertx.core.json.JsonObject()
                            .put("symbol", "ETH-USD").put("side", "BUY").put("qty", qty).put("type", "market")).await());
            assertEquals(io.tradingstack.bus.ErrorCode.ORDER_INVALID, io.tradingstack.bus.Replies.codeOf(bad), String.valueOf(qty));
        }
        Throwable notResting = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> stack.vertx.eventBus()
                .request(io.tradingstack.bus.Addresses.EXECUTION_CANCEL, new io.vertx.core.json.JsonObject().put("orderId", "nope"),
                        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(30_000)).await());
        assertEquals(io.tradingstack.bus.ErrorCode.ORDER_NOT_CANCELLABLE, io.tradingstack.bus.Replies.codeOf(notResting));
    }
}
