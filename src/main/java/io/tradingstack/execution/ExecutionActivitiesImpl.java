package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.CloseOrder;
import io.tradingstack.ledger.ExecutionLedgerWorkflow;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.OrderRequest;
import io.tradingstack.ledger.PostedFill;
import io.tradingstack.ledger.ReserveReply;
import io.tradingstack.ledger.ReserveResult.Outcome;
import io.tradingstack.ledger.ReserveResult;
import io.tradingstack.ledger.StoredOrder;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.BusBridge;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.Meters;
import io.micrometer.core.instrument.Counter;

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
        Codecs.register(ctx.vertx(), ExecutionMessages.TYPES);
        Codecs.register(ctx.vertx(), LedgerMessages.TYPES);
        Codecs.register(ctx.vertx(), RiskMessages.TYPES);
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
        List<Prepared> prepared = checkAndHold(requestId, intents, allOrNothing);
        prepared.forEach(this::count);
        return prepared;
    }

    /** {@code ts.orders{outcome, code}}: every order after pre-trade checks and holds, rejections per code. */
    private void count(Prepared p) {
        Counter.builder(Meters.ORDERS).description("orders after pre-trade checks and holds, per outcome and code")
                .tag("outcome", p.status().name().toLowerCase(java.util.Locale.ROOT))
                .tag("code", p.code() == null ? "none" : p.code().name())
                .register(ctx.meters().registry()).increment();
    }

    private List<Prepared> checkAndHold(String requestId, List<OrderIntent> intents, boolean allOrNothing) {
        List<Prepared> out = new ArrayList<>();
        List<RiskMessages.Admit> toHold = new ArrayList<>();
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
                    out.add(new Prepared(id, Outcome.REJECTED, ErrorCode.ofName(noPrice),
                            String.valueOf(e.getOriginalMessage()).replaceFirst("^\\d+ ", ""), null));
                }
            }
            if (noPrice != null) {
                continue;
            }
            if (bad.isPresent()) {
                out.add(new Prepared(id, Outcome.REJECTED, bad.get().code(), bad.get().message(), tick));
                continue;
            }
            out.add(new Prepared(id, Outcome.ACCEPTED, null, null, tick));
            OrderRequest order = new OrderRequest(requestId, id, intent.clientOrderId(), intent.symbol(), intent.side(), intent.type(),
                    intent.timeInForce(), intent.qty(), intent.price(), checks.cashHold(intent, tick),
                    intent.side() == Side.SELL ? intent.qty() : BigDecimal.ZERO);
            toHold.add(new RiskMessages.Admit(order, checks.judgedPrice(intent, tick), intent.stopPrice(), intent.triggerId(),
                    intent.triggerCategory()));
        }
        boolean anyRejected = out.stream().anyMatch(Prepared::rejected);
        if (allOrNothing && anyRejected) {
            return out.stream().map(p -> p.rejected() ? p
                    : new Prepared(p.orderId(), Outcome.REJECTED, ErrorCode.ORDER_INVALID,
                    "all-or-nothing batch rejected by another intent", p.tick())).toList();
        }
        return toHold.isEmpty() ? out : merge(out, hold(requestId, toHold, allOrNothing));
    }

    /** The risk gate judges the orders and has the ledger hold the approved ones: no order reaches the ledger around it. */
    private Map<String, ReserveResult> hold(String requestId, List<RiskMessages.Admit> orders, boolean allOrNothing) {
        List<ReserveResult> results = bus.request(Addresses.RISK_ADMIT, new RiskMessages.AdmitRequest(requestId, orders, allOrNothing),
                ReserveReply.class).results();
        Map<String, ReserveResult> byOrder = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            byOrder.put(orders.get(i).order().orderId(), results.get(i));
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
        return bus.request(Addresses.LEDGER_POST_FILL, fill, PostedFill.class).fill();
    }

    @Override
    public OrderStatus close(String orderId, OrderStatus status) {
        return bus.request(Addresses.LEDGER_CLOSE_ORDER, new CloseOrder(orderId, status), CloseOrder.Closed.class).status();
    }

    @Override
    public OrderResult existing(String orderId, OrderIntent intent) {
        StoredOrder o = bus.request(Addresses.LEDGER_QUERY, LedgerQuery.order(orderId), StoredOrder.class);
        OrderResult result = OrderResult.of(orderId, o.intent(), o.status(), o.fills());
        return o.closeCode() == null ? result : result.withCode(o.closeCode(), o.closeReason());
    }

    @Override
    public void watch(String orderId, OrderIntent intent, boolean on) {
        bus.request(Addresses.EXECUTION_WATCH, new WatchOrder(orderId, intent.symbol(), intent.side(), intent.price(), on),
                Integer.class);
    }

    @Override
    public void recordFill(Fill fill) {
        ExecutionLedgerWorkflow.signal(ctx.temporal().result().client(), ctx.config().taskQueue(), fill);
    }
}
