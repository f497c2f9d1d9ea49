package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.execution.RiskMessages.Admit;
import io.tradingstack.execution.RiskMessages.AdmitRequest;
import io.tradingstack.ledger.LedgerQuery;
import io.tradingstack.ledger.OrderRequest;
import io.tradingstack.ledger.ReserveReply;
import io.tradingstack.ledger.ReserveRequest;
import io.tradingstack.ledger.ReserveResult;
import io.tradingstack.risk.RiskAdjustments;
import io.tradingstack.risk.RiskDay;
import io.tradingstack.risk.RiskEngine;
import io.tradingstack.risk.RiskLimits;
import io.tradingstack.risk.RiskPolicy;
import io.tradingstack.risk.TradeRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one risk gate every order passes, a client's or an agent's: the pure {@link RiskEngine} the
 * backtester uses, on the book as the ledger sees it, with the day (anchor, trades, budget) and the
 * adjustments in force read from PostgreSQL at each decision, so a restart never resets a cap.
 * Admissions run one at a time: an order is judged against the book with every earlier admitted
 * order's hold in it. Decisions are stored (PENDING) before the ledger is asked and settled after;
 * an order already admitted (a retried activity) is passed to the ledger again, not judged twice.
 */
final class RiskGate {
    private static final Logger LOG = LoggerFactory.getLogger(RiskGate.class);
    private static final long LEDGER_TIMEOUT_MS = 10_000;
    private static final int QTY_SCALE = 8;
    private final Vertx vertx;
    private final RiskStore store;
    private final RiskEngine engine;
    private final BigDecimal costRate;
    private Future<?> tail = Future.succeededFuture();

    RiskGate(Vertx vertx, RiskStore store, RiskLimits limits, BigDecimal costRate) {
        this.vertx = vertx;
        this.store = store;
        this.costRate = costRate;
        // client quantities are never resized, so any order the limits allow is worth sending: no minimum notional
        this.engine = new RiskEngine(limits, costRate, BigDecimal.ZERO, QTY_SCALE, RiskPolicy.LIVE);
    }

    /** The execution caps the gate applies to entries (per-symbol caps and sessions; categories need a trigger). */
    void caps(io.tradingstack.risk.ExecutionCaps caps) {
        engine.setCaps(caps);
    }

    RiskLimits limits() {
        return engine.limits();
    }

    /** Judges the orders, holds the approved ones at the ledger and answers as the ledger does, rejections included. */
    Future<ReserveReply> admit(AdmitRequest request) {
        Future<ReserveReply> next = tail.transform(ignored -> decide(request));
        tail = next;
        return next;
    }

    private Future<ReserveReply> decide(AdmitRequest request) {
        Instant now = Instant.now();
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> ids = request.orders().stream().map(a -> a.order().orderId()).toList();
        return store.admitted(ids).compose(seen -> account().compose(account -> store.current(now)
                .compose(adjustments -> store.anchor(day, account.equity(), now).compose(riskDay -> {
                    engine.setAdjustments(RiskAdjustments.inForce(adjustments, now));
                    engine.restore(riskDay);
                    Batch batch = judge(request, seen.keySet(), account, now, riskDay);
                    return store.insert(batch.records, now).compose(v -> forward(request, batch));
                }))));
    }

    /** What the gate decided on one request: per order a record, a rejection, or a pass to the ledger. */
    private static final class Batch {
        final List<RiskRecord> records = new ArrayList<>();
        final Map<String, ReserveResult> refused = new HashMap<>();
        final List<OrderRequest> toLedger = new ArrayList<>();
        final java.util.Set<String> pending = new java.util.HashSet<>();
    }

    private Batch judge(AdmitRequest request, java.util.Set<String> seen, GateAccount account, Instant now, RiskDay day) {
        Batch b = new Batch();
        boolean retried = request.allOrNothing() && !seen.isEmpty();
        for (Admit a : request.orders()) {
            OrderRequest o = a.order();
            if (retried || seen.contains(o.orderId())) {
                b.toLedger.add(o);
                continue;
            }
            TradeRequest r = GateRules.withTrigger(GateRules.request(now, o.symbol(), o.side(), o.qty(), a.price(), a.stopPrice(),
                    account.available(o.symbol())), a.triggerId(), a.triggerCategory());
            GateRules.Outcome out = GateRules.decide(engine, r, account.snapshot(o.symbol()), null, false);
            BigDecimal multiplier = engine.multiplier(o.symbol(), now);
            if (!out.approved()) {
                b.records.add(new RiskRecord(day.date(), o.orderId(), request.requestId(), r, o.qty(), out.decision(),
                        RiskRecord.Status.BLOCKED, out.code(), multiplier, false, null));
                b.refused.put(o.orderId(), new ReserveResult(o.orderId(), ReserveResult.Outcome.REJECTED, out.code(),
                        out.decision().detail()));
                continue;
            }
            engine.count(r, o.qty());
            account.apply(o.side(), o.symbol(), o.qty(), a.price(), costRate);
            boolean counts = !(r.emergency() && r.isExit());
            b.records.add(new RiskRecord(day.date(), o.orderId(), request.requestId(), r, o.qty(), out.decision(),
                    RiskRecord.Status.PENDING, null, multiplier, counts, RiskEngine.budgetOf(r, o.qty())));
            b.pending.add(o.orderId());
            b.toLedger.add(o);
        }
        if (request.allOrNothing() && !b.refused.isEmpty()) {
            voidBatch(b);
        }
        return b;
    }

    /** One refusal refuses an all-or-nothing batch: its approvals are stored as voided and nothing reaches the ledger. */
    private static void voidBatch(Batch b) {
        String why = "all-or-nothing batch rejected by another order";
        for (int i = 0; i < b.records.size(); i++) {
            RiskRecord r = b.records.get(i);
            if (r.status() == RiskRecord.Status.PENDING) {
                b.records.set(i, new RiskRecord(r.day(), r.orderId(), r.requestId(), r.request(), r.qty(), r.decision(),
                        RiskRecord.Status.VOIDED, ErrorCode.ORDER_INVALID, r.multiplier(), false, null));
                b.refused.put(r.orderId(), new ReserveResult(r.orderId(), ReserveResult.Outcome.REJECTED, ErrorCode.ORDER_INVALID, why));
            }
        }
        b.pending.clear();
        b.toLedger.clear();
    }

    private Future<ReserveReply> forward(AdmitRequest request, Batch b) {
        Future<Map<String, ReserveResult>> held = b.toLedger.isEmpty() ? Future.succeededFuture(Map.of())
                : vertx.eventBus().<ReserveReply>request(Addresses.LEDGER_RESERVE, new ReserveRequest(b.toLedger, request.allOrNothing()),
                        new DeliveryOptions().setSendTimeout(LEDGER_TIMEOUT_MS)).map(m -> byOrder(b.toLedger, m.body()));
        return held.compose(results -> settle(results).map(v -> {
            List<ReserveResult> out = new ArrayList<>();
            for (Admit a : request.orders()) {
                String id = a.order().orderId();
                out.add(b.refused.containsKey(id) ? b.refused.get(id) : results.get(id));
            }
            return new ReserveReply(out);
        }));
    }

    private static Map<String, ReserveResult> byOrder(List<OrderRequest> orders, ReserveReply reply) {
        Map<String, ReserveResult> out = new HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            out.put(orders.get(i).orderId(), reply.results().get(i));
        }
        return out;
    }

    /**
     * APPROVED once the ledger holds the order; otherwise VOIDED with the ledger's code (a duplicate
     * or a recorded order is not a new trade). A failed update leaves the decision PENDING, which
     * still counts: the caps err on the side of fewer trades.
     */
    private Future<Void> settle(Map<String, ReserveResult> results) {
        Map<String, RiskStore.Settlement> outcomes = new HashMap<>();
        results.forEach((id, r) -> outcomes.put(id, r.accepted() ? new RiskStore.Settlement(RiskRecord.Status.APPROVED, null, null)
                : new RiskStore.Settlement(RiskRecord.Status.VOIDED, r.code(), r.message() == null ? r.status().name() : r.message())));
        return store.settle(outcomes).recover(e -> {
            LOG.warn("risk decisions not settled (they stay PENDING and count): {}", e.getMessage());
            return Future.succeededFuture();
        });
    }

    private Future<GateAccount> account() {
        return vertx.eventBus().<io.tradingstack.ledger.PortfolioStatus>request(Addresses.LEDGER_QUERY,
                        LedgerQuery.of(LedgerQuery.Kind.STATUS), new DeliveryOptions().setSendTimeout(LEDGER_TIMEOUT_MS))
                .map(m -> GateAccount.of(new JsonObject(io.tradingstack.ledger.PortfolioView.asMap(m.body()))));
    }
}
