package io.tradingstack.mcp;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.execution.OrderResult;
import io.tradingstack.execution.OrderService;
import io.tradingstack.execution.PlaceOrderRequest;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.vertx.core.Future;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
                        placeResult(), new ToolSpec.Hints(false, false, false, false), this::place),
                ToolSpec.of("cancel_order", Tier.TRADE, "Cancel a resting (GTC limit) order. Signal cancel to workflow "
                        + "order-<order_id>.", object(props("order_id", string("the order id returned by place_mock_order")),
                        "order_id"), Schemas.result(props("order_id", string("order"),
                        "status", Schemas.enumOf("cancel_requested", "cancel_requested"),
                        "workflow_id", string("resting-order workflow"))),
                        new ToolSpec.Hints(false, true, true, false), this::cancel));
    }

    static Map<String, Object> fillSchema() {
        return Schemas.result(props("fill_id", string("fill"), "order_id", string("order"), "symbol", string("product"),
                "side", enumOf("side", "BUY", "SELL"), "qty", Schemas.number("filled quantity"),
                "price", Schemas.number("fill price (exact decimal)"), "fee", Schemas.number("fee (exact decimal)"),
                "liquidity", enumOf("maker or taker", "MAKER", "TAKER"), "time", Schemas.time("fill time")));
    }

    private static Map<String, Object> placeResult() {
        Map<String, Object> row = Schemas.result(props("symbol", string("product"), "side", enumOf("side", "BUY", "SELL"),
                "qty", Schemas.number("filled quantity"), "type", enumOf("order type", "market", "limit"),
                "fill_price", Schemas.number("fill price"), "cost", Schemas.number("qty x fill_price, before the fee"),
                "fee", Schemas.number("fee"), "order_id", string("order"), "fill_id", string("fill"),
                "time", Schemas.time("fill time")));
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_id", string("order id (cancel_order takes it)"));
        order.put("client_order_id", Schemas.nullable(string("your id")));
        order.put("symbol", string("product"));
        order.put("side", enumOf("side", "BUY", "SELL"));
        order.put("type", enumOf("order type", "MARKET", "LIMIT"));
        order.put("status", enumOf("outcome", Arrays.stream(OrderStatus.values()).map(Enum::name).toArray(String[]::new)));
        order.put("qty", Schemas.number("ordered quantity"));
        order.put("filled_qty", Schemas.number("filled so far"));
        order.put("average_price", Schemas.nullable(Schemas.number("average fill price; null when nothing filled")));
        order.put("fees", Schemas.number("fees paid"));
        order.put("code", Schemas.nullable(string("error code name of a rejection")));
        order.put("message", Schemas.nullable(string("why it was rejected or what happened")));
        order.put("fills", Schemas.array(fillSchema(), "fills of this order"));
        order.put("original", Map.of("type", List.of("object", "null"),
                "description", "for DUPLICATE: the original order's result (same shape)"));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("request_id", string("request"));
        p.put("order_count", Schemas.count("orders in the batch"));
        p.put("fills", Schemas.array(row, "every fill of the batch (reference shape)"));
        p.put("total_cost", Schemas.number("BUY notional + fees"));
        p.put("total_proceeds", Schemas.number("SELL notional - fees"));
        p.put("orders", Schemas.array(Schemas.result(order), "each order's result"));
        return Schemas.result(p);
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
        List<Map<String, Object>> fills = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal proceeds = BigDecimal.ZERO;
        for (OrderResult r : results) {
            for (Fill f : r.fills()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("symbol", f.symbol());
                row.put("side", f.side().name());
                row.put("qty", f.qty());
                row.put("type", r.type().toLowerCase(Locale.ROOT));
                row.put("fill_price", f.price());
                row.put("cost", f.notional());
                row.put("fee", f.fee());
                row.put("order_id", f.orderId());
                row.put("fill_id", f.fillId());
                row.put("time", f.time());
                fills.add(row);
                if (f.side() == Side.BUY) {
                    cost = cost.add(f.notional()).add(f.fee());
                } else {
                    proceeds = proceeds.add(f.notional()).subtract(f.fee());
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("request_id", requestId);
        out.put("order_count", results.size());
        out.put("fills", fills);
        out.put("total_cost", cost);
        out.put("total_proceeds", proceeds);
        out.put("orders", results);
        boolean allRejected = !results.isEmpty() && results.stream().allMatch(OrderResult::rejected);
        if (!allRejected) {
            return ToolResult.ok(out);
        }
        OrderResult first = results.get(0);
        ErrorCode code = first.code() == null ? ErrorCode.ORDER_INVALID : first.code();
        return ToolResult.error(code, String.valueOf(first.message()), out);
    }

    private Future<ToolResult> cancel(ToolCall call) {
        String orderId = call.string("order_id", "");
        String queue = ctx.temporal().taskQueue();
        return ctx.temporal().withClient(client -> new OrderService(client, queue).cancel(orderId)).map(ok -> {
            if (!ok) {
                return ToolResult.error(ErrorCode.ORDER_NOT_CANCELLABLE, "order " + orderId + " is not resting");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("order_id", orderId);
            out.put("status", "cancel_requested");
            out.put("workflow_id", DurableNames.RestingOrder.id(orderId));
            return ToolResult.ok(out);
        });
    }
}
