package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.ExecutionLedgerWorkflow;
import io.tradingstack.ledger.OrderRequest;
import io.tradingstack.ledger.PostedFill;
import io.tradingstack.ledger.ReserveResult;
import io.tradingstack.ledger.Wire;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.runtime.ConfigKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bridges order workflows to the market feed and the ledger over the bus. */
public final class ExecutionActivitiesImpl implements ExecutionActivities {
    private final AppContext ctx;
    private final BusBridge bus;
    private final PaperFillModel model;
    private final PreTradeChecks checks;

    public ExecutionActivitiesImpl(AppContext ctx) {
        this.ctx = ctx;
        this.bus = new BusBridge(ctx.vertx());
        this.model = new PaperFillModel(ctx.config().decimal(ConfigKey.FEE_BPS), ctx.config().decimal(ConfigKey.MAKER_FEE_BPS),
                ctx.config().decimal(ConfigKey.SLIPPAGE_BPS));
        this.checks = new PreTradeChecks(ctx.config().marketSymbols(),
                ctx.config().decimal(ConfigKey.PRICE_BAND_PCT).movePointLeft(2), model);
    }

    /** The order id of the i-th intent of a request: stable across retries and repeats. */
    public static String orderId(String requestId, int index, OrderIntent intent) {
        return "ord-" + (intent.clientOrderId() != null ? intent.clientOrderId() : requestId + "-" + index);
    }

    @Override
    public List<Prepared> prepare(String requestId, List<OrderIntent> intents, boolean allOrNothing) {
        List<Prepared> out = new ArrayList<>();
        List<OrderRequest> toHold = new ArrayList<>();
        Map<String, Tick> ticks = new HashMap<>();
        for (int i = 0; i < intents.size(); i++) {
            OrderIntent intent = intents.get(i);
            String id = orderId(requestId, i, intent);
            Optional<PreTradeChecks.Rejection> bad = checks.basic(intent);
            Tick tick = null;
            String noPrice = null;
            if (bad.isEmpty()) {
                try {
                    tick = ticks.computeIfAbsent(intent.symbol(), this::latest);
                    bad = checks.priced(intent, tick);
                } catch (io.temporal.failure.ApplicationFailure e) {
                    if (!e.isNonRetryable()) {
                        throw e;
                    }
                    // no price to fill at (stream stopped, symbol not streamed): a rejection with the market's code
                    noPrice = e.getType();
                    out.add(new Prepared(id, ReserveResult.REJECTED, noPrice,
                            String.valueOf(e.getOriginalMessage()).replaceFirst("^\\d+ ", ""), null));
                }
            }
            if (noPrice != null) {
                continue;
            }
            if (bad.isPresent()) {
                out.add(new Prepared(id, ReserveResult.REJECTED, bad.get().code().name(), bad.get().message(), tick));
                continue;
            }
            out.add(new Prepared(id, ReserveResult.ACCEPTED, null, null, tick));
            toHold.add(new OrderRequest(requestId, id, intent.clientOrderId(), intent.symbol(), intent.side(), intent.type(),
                    intent.timeInForce(), intent.qty(), intent.price(), checks.cashHold(intent, tick),
                    intent.side() == Side.SELL ? intent.qty() : BigDecimal.ZERO));
        }
        boolean anyRejected = out.stream().anyMatch(p -> ReserveResult.REJECTED.equals(p.status()));
        if (allOrNothing && anyRejected) {
            return out.stream().map(p -> ReserveResult.REJECTED.equals(p.status()) ? p
                    : new Prepared(p.orderId(), ReserveResult.REJECTED, ErrorCode.ORDER_INVALID.name(),
                    "all-or-nothing batch rejected by another intent", p.tick())).toList();
        }
        return toHold.isEmpty() ? out : merge(out, hold(toHold, allOrNothing));
    }

    private Map<String, ReserveResult> hold(List<OrderRequest> orders, boolean allOrNothing) {
        JsonObject body = new JsonObject().put("allOrNothing", allOrNothing)
                .put("orders", new JsonArray(orders.stream().map(Wire::toJson).toList()));
        JsonObject reply = bus.request(Addresses.LEDGER_RESERVE, body, JsonObject.class);
        Map<String, ReserveResult> byOrder = new HashMap<>();
        JsonArray results = reply.getJsonArray("results");
        for (int i = 0; i < orders.size(); i++) {
            byOrder.put(orders.get(i).orderId(), Wire.fromJson(results.getJsonObject(i), ReserveResult.class));
        }
        return byOrder;
    }

    private static List<Prepared> merge(List<Prepared> checked, Map<String, ReserveResult> held) {
        return checked.stream().map(p -> {
            ReserveResult r = held.get(p.orderId());
            return r == null ? p : new Prepared(r.orderId(), r.status(), r.code(), r.message(), p.tick());
        }).toList();
    }

    private Tick latest(String symbol) {
        return bus.request(Addresses.MARKET_LATEST_TICK, symbol, Tick.class);
    }

    @Override
    public Fill fillMarket(String orderId, OrderIntent intent, int seq) {
        Tick tick = latest(intent.symbol());
        Fill fill = model.marketFill(orderId + "-" + seq, orderId, intent.symbol(), intent.side(), intent.qty(),
                tick.bid(), tick.ask(), fillTime(tick));
        return post(fill);
    }

    @Override
    public Fill fillLimit(String orderId, OrderIntent intent, BigDecimal remaining, int seq, Tick tick) {
        Tick t = tick != null ? tick : latest(intent.symbol());
        BigDecimal qty = t.size().signum() > 0 ? remaining.min(t.size()) : remaining;
        return model.limitFill(orderId + "-" + seq, orderId, intent.symbol(), intent.side(), qty, intent.price(),
                t.bid(), t.ask(), fillTime(t)).map(this::post).orElse(null);
    }

    /**
     * Ticks carry exchange time and a replayed tick may be old, so a fill is stamped when it happens,
     * at PostgreSQL's microsecond precision so the stored fill equals the one returned.
     */
    private static Instant fillTime(Tick tick) {
        Instant now = Instant.now();
        return (tick.time().isAfter(now) ? tick.time() : now).truncatedTo(ChronoUnit.MICROS);
    }

    private Fill post(Fill fill) {
        JsonObject reply = bus.request(Addresses.LEDGER_POST_FILL, fill, JsonObject.class);
        return Wire.fromJson(reply, PostedFill.class).fill();
    }

    @Override
    public String close(String orderId, String status) {
        JsonObject reply = bus.request(Addresses.LEDGER_CLOSE_ORDER,
                new JsonObject().put("orderId", orderId).put("status", status), JsonObject.class);
        return reply.getString("status");
    }

    @Override
    public OrderResult existing(String orderId, OrderIntent intent) {
        JsonObject o = bus.request(Addresses.LEDGER_QUERY, new JsonObject().put("query", "order").put("orderId", orderId),
                JsonObject.class);
        OrderResult result = OrderResult.of(orderId, intentOf(o), o.getString("status"), fillsOf(o));
        return o.getString("close_code") == null ? result : result.withCode(o.getString("close_code"), o.getString("close_reason"));
    }

    /** The intent of an order as the ledger's {@code order} query returns it. */
    static OrderIntent intentOf(JsonObject o) {
        return new OrderIntent(o.getString("symbol"), Side.valueOf(o.getString("side")),
                new BigDecimal(o.getString("qty")), o.getString("limit_price") == null ? null : new BigDecimal(o.getString("limit_price")),
                OrderType.valueOf(o.getString("type")), o.getString("client_order_id"),
                io.tradingstack.model.TimeInForce.valueOf(o.getString("time_in_force")));
    }

    static List<Fill> fillsOf(JsonObject o) {
        List<Fill> fills = new ArrayList<>();
        for (Object f : o.getJsonArray("fills", new JsonArray())) {
            fills.add(Wire.fromJson((JsonObject) f, Fill.class));
        }
        return fills;
    }

    @Override
    public void watch(String orderId, OrderIntent intent, boolean on) {
        bus.request(Addresses.EXECUTION_WATCH, new JsonObject().put("orderId", orderId).put("symbol", intent.symbol())
                .put("side", intent.side().name()).put("limitPrice", intent.price().toPlainString()).put("watch", on),
                JsonObject.class);
    }

    @Override
    public void recordFill(Fill fill) {
        ExecutionLedgerWorkflow.signal(ctx.temporal().result().client(), ctx.config().taskQueue(), fill);
    }
}
