package io.tradingstack.execution;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.tradingstack.ledger.LedgerMessages;
import io.tradingstack.risk.RiskAdjustment;
import io.tradingstack.risk.RiskAdjustments;
import io.tradingstack.risk.RiskLimits;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.HealthRegistry;
import io.tradingstack.runtime.Lifecycle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Binds the live {@link RiskGate} and its store to the bus: admission of orders (the execution
 * activities send every order here instead of straight to the ledger), the day's limit_enforcement,
 * and the risk adjustments (read, add, revoke: the judge's API). One instance: admissions are serial.
 */
public final class RiskGateVerticle extends VerticleBase {
    /** Most adjustments one read returns. */
    static final int MAX_ADJUSTMENTS = 500;
    private final AppContext ctx;
    private final Pool pool;
    private RiskStore store;
    private RiskGate gate;
    private Lifecycle held;

    public RiskGateVerticle(AppContext ctx) {
        this(ctx, null);
    }

    /** With a pool of its own (tests give each ledger a fresh database); null uses the node's pool. */
    public RiskGateVerticle(AppContext ctx, Pool pool) {
        this.ctx = ctx;
        this.pool = pool;
    }

    @Override
    public Future<?> start() {
        Codecs.register(vertx, RiskMessages.TYPES);
        Codecs.register(vertx, LedgerMessages.TYPES);
        RiskLimits limits = RiskSettings.limits(ctx.config());
        held = new Lifecycle(vertx, ctx.health());
        return ctx.postgres().compose(pg -> {
            store = new RiskStore(pool != null ? pool : ctx.pool());
            gate = new RiskGate(vertx, store, limits, RiskSettings.costRate(ctx.config()));
            gate.caps(RiskSettings.caps(ctx.config()));
            return Future.all(List.of(
                    held.<RiskMessages.AdmitRequest>consumer(Addresses.RISK_ADMIT, this::admit),
                    held.<RiskMessages.EnforcementQuery>consumer(Addresses.RISK_ENFORCEMENT, this::enforcement),
                    held.<RiskMessages.AdjustmentsQuery>consumer(Addresses.RISK_ADJUSTMENTS, this::adjustments),
                    held.<RiskMessages.Adjust>consumer(Addresses.RISK_ADJUST, this::adjust),
                    held.<RiskMessages.Revoke>consumer(Addresses.RISK_REVOKE, this::revoke)));
        }).onSuccess(v -> held.health("risk", () -> Future.succeededFuture(HealthRegistry.up()
                .put("limits", new JsonObject(RiskViews.limits(limits))))));
    }

    private void admit(Message<RiskMessages.AdmitRequest> msg) {
        reply(msg, gate.admit(msg.body()));
    }

    private void enforcement(Message<RiskMessages.EnforcementQuery> msg) {
        LocalDate day = msg.body().date() != null ? msg.body().date() : LocalDate.now(ZoneOffset.UTC);
        reply(msg, store.decisions(day).compose(d -> store.day(day).map(stored -> new RiskMessages.Enforcement(
                RiskViews.day(d), d.voided(), RiskViews.limits(gate.limits()), stored == null ? null : stored.anchor()))));
    }

    private void adjustments(Message<RiskMessages.AdjustmentsQuery> msg) {
        Instant now = Instant.now();
        int limit = Math.max(1, Math.min(MAX_ADJUSTMENTS, msg.body().limit()));
        reply(msg, store.adjustments(limit).compose(all -> store.current(now).map(current -> {
            RiskAdjustments inForce = RiskAdjustments.inForce(current, now);
            return new RiskMessages.Adjustments(now, inForce.global(), inForce.symbols(), all, RiskAdjustments.MIN, RiskAdjustments.MAX);
        })));
    }

    private void adjust(Message<RiskMessages.Adjust> msg) {
        reply(msg, store.add(msg.body().adjustment(), msg.body().idempotencyKey()));
    }

    private void revoke(Message<RiskMessages.Revoke> msg) {
        reply(msg, store.revoke(msg.body().id(), msg.body().reason(), Instant.now()).compose(a -> a != null
                ? Future.succeededFuture(a)
                : Future.<RiskAdjustment>failedFuture(new io.tradingstack.bus.CodedException(ErrorCode.RISK_BAD_ADJUSTMENT,
                "no risk adjustment " + msg.body().id()))));
    }

    @Override
    public Future<?> stop() {
        return held == null ? Future.succeededFuture() : held.release();
    }

    private static void reply(Message<?> msg, Future<?> answer) {
        answer.onSuccess(msg::reply).onFailure(e -> Replies.fail(msg, Replies.codeOf(e), String.valueOf(e.getMessage())));
    }
}
