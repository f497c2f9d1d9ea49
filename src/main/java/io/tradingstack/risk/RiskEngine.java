package io.tradingstack.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure pre-trade risk checks and sizing, shared by live trading and the backtester. Daily state
 * (trade count, loss anchor, risk budget) rolls over at UTC midnight and can be saved and restored
 * ({@link #day()}, {@link #restore}). Emergency exits skip the daily caps and the exit veto but are
 * still sized (never more than the position). It never touches a clock: time comes from requests.
 *
 * <p>{@link #evaluate} checks, counts an approval toward the day's caps and records the telemetry
 * (the backtester's path). A live gate that must first hear whether the ledger accepts the order
 * uses {@link #check} (no counting) and {@link #count} once the order is admitted.
 */
public final class RiskEngine {
    static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HINT_THRESHOLD = new BigDecimal("0.9");

    private final RiskLimits baseLimits;
    private final BigDecimal costRate;
    private final BigDecimal minNotional;
    private final int qtyScale;
    private final RiskPolicy policy;
    private final LimitEnforcement telemetry = new LimitEnforcement();
    private RiskAdjustments adjustments = RiskAdjustments.NONE;
    private long epochDay = Long.MIN_VALUE;
    private BigDecimal dayAnchor = BigDecimal.ZERO;
    private int tradesToday;
    private BigDecimal budgetUsed = BigDecimal.ZERO;
    private ExecutionCaps caps = ExecutionCaps.NONE;
    private final java.util.Map<String, Integer> symbolEntries = new java.util.HashMap<>();

    /**
     * @param costRate    fee + slippage as a fraction, reserved on top of the notional when capping by cash
     * @param minNotional smallest order worth sending (quote currency)
     * @param qtyScale    decimals of order quantities (rounded down)
     */
    public RiskEngine(RiskLimits limits, BigDecimal costRate, BigDecimal minNotional, int qtyScale) {
        this(limits, costRate, minNotional, qtyScale, RiskPolicy.BACKTEST);
    }

    public RiskEngine(RiskLimits limits, BigDecimal costRate, BigDecimal minNotional, int qtyScale, RiskPolicy policy) {
        this.baseLimits = limits;
        this.costRate = costRate;
        this.minNotional = minNotional;
        this.qtyScale = qtyScale;
        this.policy = policy;
    }

    public void setAdjustments(RiskAdjustments adjustments) {
        this.adjustments = adjustments == null ? RiskAdjustments.NONE : adjustments;
    }

    /** The execution caps that gate entries from now on ({@link ExecutionCaps#NONE} when null). */
    public void setCaps(ExecutionCaps caps) {
        this.caps = caps == null ? ExecutionCaps.NONE : caps;
    }

    public ExecutionCaps caps() {
        return caps;
    }

    public RiskLimits limits() {
        return baseLimits;
    }

    public LimitEnforcement telemetry() {
        return telemetry;
    }

    /** Marks equity at {@code time}; the first mark of a UTC day anchors the daily loss and budget. */
    public void mark(Instant time, BigDecimal equity) {
        long day = Math.floorDiv(time.getEpochSecond(), 86_400L);
        if (day != epochDay) {
            epochDay = day;
            dayAnchor = equity;
            tradesToday = 0;
            budgetUsed = BigDecimal.ZERO;
            symbolEntries.clear();
            telemetry.startDay(LocalDate.ofEpochDay(day));
        }
    }

    /** The current day's state (null before the first mark). */
    public RiskDay day() {
        return epochDay == Long.MIN_VALUE ? null : new RiskDay(LocalDate.ofEpochDay(epochDay), dayAnchor, tradesToday, budgetUsed,
                symbolEntries);
    }

    /** Continues a day saved earlier (after a restart, or to undo counts of a batch that was not admitted). */
    public void restore(RiskDay day) {
        long d = day.date().toEpochDay();
        if (d != epochDay) {
            telemetry.startDay(day.date());
        }
        epochDay = d;
        dayAnchor = day.anchor();
        tradesToday = day.trades();
        budgetUsed = day.budgetUsed();
        symbolEntries.clear();
        symbolEntries.putAll(day.symbolEntries());
    }

    /** Checks and sizes one trade; an approval counts toward today's caps immediately. */
    public RiskDecision evaluate(TradeRequest request, AccountSnapshot account) {
        return evaluate(request, account, null);
    }

    /** As {@link #evaluate(TradeRequest, AccountSnapshot)} with limits tightened for this request (a spec's own limits). */
    public RiskDecision evaluate(TradeRequest request, AccountSnapshot account, java.util.function.UnaryOperator<RiskLimits> tighten) {
        RiskDecision decision = check(request, account, tighten);
        if (decision.approved()) {
            count(request, decision.qty());
        }
        telemetry.record(request, decision);
        return decision;
    }

    /** Checks and sizes one trade without counting it (the day still rolls over at the request's time). */
    public RiskDecision check(TradeRequest request, AccountSnapshot account) {
        return check(request, account, null);
    }

    /** As {@link #check(TradeRequest, AccountSnapshot)} with limits tightened for this request (a spec's own limits). */
    public RiskDecision check(TradeRequest request, AccountSnapshot account, java.util.function.UnaryOperator<RiskLimits> tighten) {
        mark(request.time(), account.equity());
        RiskLimits limits = effectiveLimits(request);
        if (tighten != null) {
            limits = tighten.apply(limits);
        }
        return request.isExit() ? exit(request, account, limits) : entry(request, account, limits);
    }

    /** The limits in force for a request: the configured ones times the adjustment multiplier of its symbol. */
    public RiskLimits effectiveLimits(TradeRequest request) {
        BigDecimal m = multiplier(request.symbol(), request.time());
        return m.compareTo(BigDecimal.ONE) == 0 ? baseLimits : baseLimits.scaled(m);
    }

    /** The adjustment multiplier of a symbol at a time (1 when none is in force). */
    public BigDecimal multiplier(String symbol, Instant time) {
        return adjustments.multiplier(symbol, time);
    }

    private RiskDecision exit(TradeRequest r, AccountSnapshot a, RiskLimits limits) {
        if (!r.emergency()) {
            RiskDecision capped = dailyCap(limits);
            if (capped != null) {
                return capped;
            }
            if (limits.directionVetoes().contains(Direction.EXIT)) {
                return RiskDecision.block(BlockReason.DIRECTION_VETO, "Direction exit is vetoed");
            }
        }
        BigDecimal qty = a.position().abs();
        if (r.desiredQty() != null) {
            qty = qty.min(r.desiredQty());
        }
        qty = qty.setScale(qtyScale, RoundingMode.DOWN);
        if (qty.signum() == 0) {
            return RiskDecision.block(BlockReason.SIZING_ZERO, "No position in " + r.symbol() + " to exit");
        }
        return RiskDecision.approve(qty, List.of());
    }

    private RiskDecision entry(TradeRequest r, AccountSnapshot a, RiskLimits limits) {
        BigDecimal lossPct = dailyLossPct(a.equity());
        RiskDecision gate = entryGates(r, lossPct, limits);
        if (gate != null) {
            return gate;
        }
        Sizing sizing = new Sizing(r, a, limits, costRate, budgetRemaining(limits), policy.riskCapWithoutStop());
        Sizing.Cap binding = sizing.binding();
        BigDecimal qty = binding.qty().max(BigDecimal.ZERO).setScale(qtyScale, RoundingMode.DOWN);
        if (qty.multiply(r.price()).compareTo(minNotional) < 0) {
            return RiskDecision.block(binding.reason(), binding.detail());
        }
        List<LimitHint> hints = new ArrayList<>(sizing.hints(qty, HINT_THRESHOLD));
        hints.addAll(dailyHints(lossPct, limits));
        return RiskDecision.approve(qty, hints, binding.reason(), binding.detail(), sizing.caps());
    }

    private RiskDecision entryGates(TradeRequest r, BigDecimal lossPct, RiskLimits limits) {
        if (policy.spotOnly() && r.direction() == Direction.SHORT) {
            return RiskDecision.block(BlockReason.SPOT_NO_SHORT, "Spot book: no short entry in " + r.symbol()
                    + " (nothing held to sell)");
        }
        ExecutionCaps.Session session = caps.session(r.time());
        if (session != null && session.multiplier().signum() == 0) {
            return RiskDecision.block(BlockReason.SESSION, "No new entries in session " + session.start() + "-"
                    + session.end() + " UTC (multiplier 0)");
        }
        RiskDecision capped = dailyCap(limits, session);
        if (capped != null) {
            return capped;
        }
        if (lossPct.compareTo(limits.maxDailyLossPct()) >= 0) {
            return RiskDecision.block(BlockReason.MAX_DAILY_LOSS, "Daily loss " + pct(lossPct)
                    + "% reached max daily loss (" + pct(limits.maxDailyLossPct()) + "%)");
        }
        if (limits.symbolVetoes().contains(r.symbol())) {
            return RiskDecision.block(BlockReason.SYMBOL_VETO, "Symbol " + r.symbol() + " is vetoed");
        }
        if (limits.directionVetoes().contains(r.direction())) {
            return RiskDecision.block(BlockReason.DIRECTION_VETO, "Direction " + r.direction().key() + " is vetoed");
        }
        return capGates(r, session);
    }

    /** The execution caps on an entry: its trigger's category, then the symbol's entries today. */
    private RiskDecision capGates(TradeRequest r, ExecutionCaps.Session session) {
        if (r.triggerCategory() != null && !caps.allowedCategories().isEmpty()
                && !caps.allowedCategories().contains(r.triggerCategory())) {
            return RiskDecision.block(BlockReason.CATEGORY, "Trigger category " + r.triggerCategory()
                    + (r.triggerId() == null ? "" : " (" + r.triggerId() + ")") + " is not allowed");
        }
        Integer cap = ExecutionCaps.scale(caps.symbolCap(r.symbol()), session);
        int used = symbolEntries.getOrDefault(r.symbol(), 0);
        if (cap != null && used >= cap) {
            boolean budget = caps.triggerBudgets().containsKey(r.symbol());
            return RiskDecision.block(budget ? BlockReason.TRIGGER_BUDGET : BlockReason.PLAN_LIMIT,
                    (budget ? "Trigger budget of " + r.symbol() : "Max triggers per symbol per day for " + r.symbol())
                            + " used (" + used + " of " + cap + sessionNote(session) + ")");
        }
        return null;
    }

    private static String sessionNote(ExecutionCaps.Session s) {
        return s == null ? "" : ", session " + s;
    }

    private RiskDecision dailyCap(RiskLimits limits) {
        return dailyCap(limits, null);
    }

    /** The daily trade cap, scaled for an entry by the session in force (exits use the plain cap). */
    private RiskDecision dailyCap(RiskLimits limits, ExecutionCaps.Session session) {
        Integer max = ExecutionCaps.scale(limits.maxTradesPerDay(), session);
        if (max != null && tradesToday >= max) {
            return RiskDecision.block(BlockReason.MAX_TRADES_PER_DAY, "Reached max trades per day (" + max
                    + sessionNote(session) + ")");
        }
        return null;
    }

    /** @param loss today's loss in percent of the day's anchor, at the equity of the request */
    private List<LimitHint> dailyHints(BigDecimal loss, RiskLimits limits) {
        List<LimitHint> hints = new ArrayList<>();
        Integer max = limits.maxTradesPerDay();
        if (max != null && max > 0 && tradesToday + 1 >= HINT_THRESHOLD.multiply(BigDecimal.valueOf(max)).doubleValue()) {
            hints.add(new LimitHint("max_trades_per_day", BigDecimal.valueOf(tradesToday + 1L), BigDecimal.valueOf(max), "trades"));
        }
        if (loss.compareTo(limits.maxDailyLossPct().multiply(HINT_THRESHOLD)) >= 0) {
            hints.add(new LimitHint("max_daily_loss_pct", loss.round(MC), limits.maxDailyLossPct(), "pct"));
        }
        return hints;
    }

    /** Today's loss in percent of the day's anchor at {@code equity} (negative on a winning day). */
    public BigDecimal dailyLossPct(BigDecimal equity) {
        if (dayAnchor.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return dayAnchor.subtract(equity).multiply(HUNDRED).divide(dayAnchor, MC);
    }

    private BigDecimal budgetRemaining(RiskLimits limits) {
        if (limits.maxDailyRiskBudgetPct() == null) {
            return null;
        }
        return dayAnchor.multiply(limits.maxDailyRiskBudgetPct()).divide(HUNDRED, MC).subtract(budgetUsed);
    }

    /**
     * Counts an approved trade toward today's caps: one trade (emergency exits are exempt) and, for an
     * entry, its risk at the stop (or its notional) against the daily risk budget.
     */
    public void count(TradeRequest r, BigDecimal qty) {
        if (r.emergency() && r.isExit()) {
            return;
        }
        tradesToday++;
        if (!r.isExit()) {
            symbolEntries.merge(r.symbol(), 1, Integer::sum);
        }
        // the budget is only read when its limit is set (scaling keeps a null limit null)
        if (!r.isExit() && baseLimits.maxDailyRiskBudgetPct() != null) {
            budgetUsed = budgetUsed.add(budgetOf(r, qty));
        }
    }

    /** What an entry of {@code qty} uses of the daily risk budget: its risk at the stop, else its notional. */
    public static BigDecimal budgetOf(TradeRequest r, BigDecimal qty) {
        if (r.isExit()) {
            return BigDecimal.ZERO;
        }
        BigDecimal perUnit = r.stopDistance() != null ? r.stopDistance() : r.price();
        return qty.multiply(perUnit);
    }

    static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
