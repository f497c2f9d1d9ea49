package io.tradingstack.mcp;

import io.tradingstack.ledger.FillTotals;

import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Plain;
import io.tradingstack.execution.OrderResult;
import io.tradingstack.execution.OrderService;
import io.tradingstack.execution.PlaceOrderRequest;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.tradingstack.mcp.Schemas.array;
import static io.tradingstack.mcp.Schemas.bool;
import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.positiveNumber;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * place_mock_order / cancel_order: paper orders through execution's {@link OrderService}, i.e. a
 * PlaceOrderWorkflow per request (pre-trade checks, paper fill, signal record_fill to mock-ledger)
 * and a cancel signal to a resting order's workflow. Paper trading only: nothing reaches an exchange.
 */
final class OrderTools {
    private final ToolContext ctx;

    OrderTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    List<ToolSpec> tools() {
        Map<String, Object> intent = object(props(
                "symbol", symbol("product, e.g. BTC-USD"),
                "side", enumOf("BUY or SELL", "BUY", "SELL", "buy", "sell"),
                "qty", positiveNumber("quantity in the base currency, > 0"),
                "price", positiveNumber("limit price (required for limit orders; a sanity reference for market orders)"),
                "type", enumOf("order type (default market)", "market", "limit", "MARKET", "LIMIT"),
                "time_in_force", enumOf("GTC (default) rests until filled or cancelled; IOC cancels the rest", "GTC", "IOC", "gtc", "ioc"),
                "client_order_id", clientOrderId(),
                "stop_price", positiveNumber("buys only: where you would cut the position; the risk gate caps the loss at this "
                        + "stop at max_position_risk_pct of equity (no stop order is placed)")),
                "symbol", "side", "qty");
        Map<String, Object> orders = array(intent, "one or more orders (max 20)");
        orders.put("minItems", 1);
        orders.put("maxItems", 20);
        return List.of(
                ToolSpec.of("place_mock_order", Tier.TRADE, "Place paper orders: {order_count, fills, total_cost, "
                        + "total_proceeds, orders}. Start and await PlaceOrderWorkflow (fills are signalled to mock-ledger). "
                        + "Repeating a client_order_id returns the original result. Every order passes the live risk gate "
                        + "(see get_limit_enforcement): a refusal carries RISK_* or ORDER_INSUFFICIENT_* with the limit and why.",
                        object(props("orders", orders, "all_or_nothing",
                                bool("reject the whole batch if one order is rejected", false)), "orders"),
                        Placed.class, new ToolSpec.Hints(false, false, false, false), this::place),
                ToolSpec.of("cancel_order", Tier.TRADE, "Cancel a resting (GTC limit) order. Signal cancel to workflow "
                        + "order-<order_id>.", object(props("order_id", string("the order id returned by place_mock_order")),
                        "order_id"), Cancelled.class, new ToolSpec.Hints(false, true, true, false), this::cancel));
    }

    @Doc("paper orders placed: the reference shape (fills, BUY cost, SELL proceeds) plus every order's result")
    record Placed(@Doc("request") String requestId,
                  @Doc(value = "orders in the batch", min = 0) int orderCount,
                  @Doc("every fill of the batch (reference shape)") List<FillRow> fills,
                  @Doc("BUY notional + fees") BigDecimal totalCost,
                  @Doc("SELL notional - fees") BigDecimal totalProceeds,
                  @Doc("each order's result") List<Order> orders) {
    }

    /** A fill in the reference shape of place_mock_order. */
    record FillRow(@Doc("product") String symbol, @Doc("side") Side side, @Doc("filled quantity") BigDecimal qty,
                   @Doc(value = "order type", oneOf = {"market", "limit"}) String type,
                   @Doc("fill price") BigDecimal fillPrice, @Doc("qty x fill_price, before the fee") BigDecimal cost,
                   @Doc("fee") BigDecimal fee, @Doc("order") String orderId, @Doc("fill") String fillId,
                   @Doc("fill time") Instant time) {
    }

    /** One order's result (execution's {@link OrderResult}). */
    record Order(@Doc("order id (cancel_order takes it)") String orderId,
                 @Doc(value = "your id", nullable = true) String clientOrderId,
                 @Doc("product") String symbol, @Doc("side") Side side, @Doc("order type") OrderType type,
                 @Doc("outcome") OrderStatus status, @Doc("ordered quantity") BigDecimal qty,
                 @Doc("filled so far") BigDecimal filledQty,
                 @Doc(value = "average fill price; null when nothing filled", nullable = true) BigDecimal averagePrice,
                 @Doc("fees paid") BigDecimal fees,
                 @Doc(value = "error code name of a rejection", nullable = true) ErrorCode code,
                 @Doc(value = "why it was rejected or what happened", nullable = true) String message,
                 @Doc("fills of this order") List<OrderFill> fills,
                 @Doc(value = "for DUPLICATE: the original order's result, of this same shape (passed through as an "
                         + "object: a schema cannot nest a record in itself)", nullable = true) Map<String, Object> original) {

        static Order of(OrderResult r) {
            return new Order(r.orderId(), r.clientOrderId(), r.symbol(), Side.valueOf(r.side()), OrderType.valueOf(r.type()),
                    r.status(), r.qty(), r.filledQty(), r.averagePrice(), r.fees(), r.code(), r.message(),
                    r.fills().stream().map(OrderFill::of).toList(), r.original() == null ? null : Plain.object(of(r.original())));
        }
    }

    /** A fill of one order (model {@link Fill}). */
    record OrderFill(@Doc("fill") String fillId, @Doc("order") String orderId, @Doc("product") String symbol,
                     @Doc("side") Side side, @Doc("filled quantity") BigDecimal qty,
                     @Doc("fill price (exact decimal)") BigDecimal price, @Doc("fee (exact decimal)") BigDecimal fee,
                     @Doc("maker or taker") Liquidity liquidity, @Doc("fill time") Instant time) {

        static OrderFill of(Fill f) {
            return new OrderFill(f.fillId(), f.orderId(), f.symbol(), f.side(), f.qty(), f.price(), f.fee(), f.liquidity(), f.time());
        }
    }

    @Doc("the cancel was signalled to the resting order's workflow")
    record Cancelled(@Doc("order") String orderId,
                     @Doc(value = "cancel_requested", oneOf = "cancel_requested") String status,
                     @Doc("resting-order workflow") String workflowId) {
    }

    /** Printable ASCII without spaces, 1-64 characters (checked again by OrderIntent). */
    private static Map<String, Object> clientOrderId() {
        Map<String, Object> s = string("your id for this order (printable ASCII, no spaces, 1-64 characters): "
                + "placing it again returns the original result", OrderIntent.MAX_CLIENT_ORDER_ID);
        s.put("minLength", 1);
        s.put("pattern", "^[!-~]{1,64}$");
        return s;
    }

    @SuppressWarnings("unchecked")
    private Future<ToolResult> place(ToolCall call) {
        List<OrderIntent> intents = new ArrayList<>();
        for (Object o : (List<Object>) call.arg("orders")) {
            Map<String, Object> m = (Map<String, Object>) o;
            String symbol = String.valueOf(m.get("symbol"));
            if (!ctx.knownSymbols().contains(symbol)) {
                return Future.succeededFuture(ToolResult.error(ErrorCode.ORDER_UNKNOWN_SYMBOL,
                        ctx.unknownSymbol(List.of(symbol)).message()));
            }
            try {
                intents.add(intent(m));
            } catch (IllegalArgumentException e) {
                return Future.succeededFuture(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, e.getMessage()));
            }
        }
        PlaceOrderRequest request = new PlaceOrderRequest("mcp-" + UUID.randomUUID(), intents,
                call.bool("all_or_nothing", false));
        call.notifier().progress(0, 1, "placing " + intents.size() + " order(s)");
        String queue = ctx.temporal().taskQueue();
        return ctx.temporal().withClient(client -> new OrderService(client, queue).place(request)).map(results -> {
            call.notifier().progress(1, 1, "orders processed");
            results.forEach(r -> call.notifier().info("order " + r.orderId() + " " + r.symbol() + " " + r.side()
                    + " " + r.status()));
            return summary(request.requestId(), results);
        });
    }

    private static OrderIntent intent(Map<String, Object> m) {
        Object price = m.get("price");
        Object tif = m.get("time_in_force");
        return new OrderIntent(String.valueOf(m.get("symbol")),
                Side.valueOf(String.valueOf(m.get("side")).toUpperCase(Locale.ROOT)),
                new BigDecimal(String.valueOf(m.get("qty"))),
                price == null ? null : new BigDecimal(String.valueOf(price)),
                OrderType.valueOf(String.valueOf(m.getOrDefault("type", "market")).toUpperCase(Locale.ROOT)),
                (String) m.get("client_order_id"),
                tif == null ? null : TimeInForce.valueOf(String.valueOf(tif).toUpperCase(Locale.ROOT)),
                m.get("stop_price") == null ? null : new BigDecimal(String.valueOf(m.get("stop_price"))));
    }

    /** The reference shape (fills with fill_price and cost, BUY cost and SELL proceeds) plus every order's result. */
    static ToolResult summary(String requestId, List<OrderResult> results) {
        List<FillRow> fills = new ArrayList<>();
        for (OrderResult r : results) {
            for (Fill f : r.fills()) {
                fills.add(new FillRow(f.symbol(), f.side(), f.qty(), r.type().toLowerCase(Locale.ROOT), f.price(),
                        f.notional(), f.fee(), f.orderId(), f.fillId(), f.time()));
            }
        }
        FillTotals totals = FillTotals.of(results.stream().flatMap(r -> r.fills().stream()).toList());
        Placed placed = new Placed(requestId, results.size(), fills, totals.cost(), totals.proceeds(),
                results.stream().map(Order::of).toList());
        boolean allRejected = !results.isEmpty() && results.stream().allMatch(OrderResult::rejected);
        if (!allRejected) {
            return ToolResult.ok(placed);
        }
        OrderResult first = results.get(0);
        ErrorCode code = first.code() == null ? ErrorCode.ORDER_INVALID : first.code();
        return ToolResult.error(code, String.valueOf(first.message()), Plain.object(placed));
    }

    private Future<ToolResult> cancel(ToolCall call) {
        String orderId = call.string("order_id", "");
        String queue = ctx.temporal().taskQueue();
        return ctx.temporal().withClient(client -> new OrderService(client, queue).cancel(orderId)).map(ok -> {
            if (!ok) {
                return ToolResult.error(ErrorCode.ORDER_NOT_CANCELLABLE, "order " + orderId + " is not resting");
            }
            return ToolResult.ok(new Cancelled(orderId, "cancel_requested", DurableNames.RestingOrder.id(orderId)));
        });
    }
}
