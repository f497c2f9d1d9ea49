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
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return ctx.postgres().compose(pg -> {
            store = new RiskStore(pool != null ? pool : ctx.pool());
            gate = new RiskGate(vertx, store, limits, RiskSettings.costRate(ctx.config()));
            return Future.all(List.of(
                    vertx.eventBus().<RiskMessages.AdmitRequest>consumer(Addresses.RISK_ADMIT, this::admit).completion(),
                    vertx.eventBus().<RiskMessages.EnforcementQuery>consumer(Addresses.RISK_ENFORCEMENT, this::enforcement).completion(),
                    vertx.eventBus().<RiskMessages.AdjustmentsQuery>consumer(Addresses.RISK_ADJUSTMENTS, this::adjustments).completion(),
                    vertx.eventBus().<RiskMessages.Adjust>consumer(Addresses.RISK_ADJUST, this::adjust).completion(),
                    vertx.eventBus().<RiskMessages.Revoke>consumer(Addresses.RISK_REVOKE, this::revoke).completion()));
        }).onSuccess(v -> ctx.health().register("risk", () -> Future.succeededFuture(HealthRegistry.up()
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

    private static void reply(Message<?> msg, Future<?> answer) {
        answer.onSuccess(msg::reply).onFailure(e -> Replies.fail(msg, Replies.codeOf(e), String.valueOf(e.getMessage())));
    }

    /** Renders the gate's limits and stored days as the backtest report shows them. */
    static final class RiskViews {
        private RiskViews() {
        }

        static Map<String, Object> limits(RiskLimits l) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("max_position_risk_pct", l.maxPositionRiskPct());
            m.put("max_symbol_exposure_pct", l.maxSymbolExposurePct());
            m.put("max_portfolio_exposure_pct", l.maxPortfolioExposurePct());
            m.put("max_daily_loss_pct", l.maxDailyLossPct());
            m.put("max_daily_risk_budget_pct", l.maxDailyRiskBudgetPct());
            m.put("max_trades_per_day", l.maxTradesPerDay());
            m.put("symbol_vetoes", l.symbolVetoes().stream().sorted().toList());
            m.put("direction_vetoes", l.directionVetoes().stream().map(d -> d.key()).sorted().toList());
            return m;
        }

        static Map<String, Object> day(RiskStore.DayDecisions d) {
            return io.tradingstack.risk.LimitEnforcement.ofDay(d.day(), d.decided());
        }
    }
}
