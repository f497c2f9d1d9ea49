package io.tradingstack.strategy.spec;

import io.tradingstack.strategy.rules.Frame;
import io.tradingstack.strategy.rules.PositionState;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pure signal function of a compiled spec, shared by the backtester and the live execution
 * agent: from the frame of the bar that just closed, the one before and the open trade's levels,
 * it decides enter / exit / hold. No clock, no I/O, no state: the same inputs give the same
 * decision.
 *
 * <p>Holding a position, the first of these exits wins: an emergency_exit trigger, the close
 * through the stop (an emergency exit too), the close at the take-profit, another exit trigger
 * (risk_off, risk_reduce, other), the exit rule of a trigger of the held side, an entry trigger of
 * the opposite side. The exit rule that counts is the one of the trigger that opened the position
 * when its {@link OpenTrade} is known (exact exit binding), else that of any trigger of the held
 * side. Flat, an expired spec holds; otherwise the first entry trigger that fires, in
 * priority order (grade A, B, C), enters with the stop and take-profit measured from the close.
 * Exit triggers do nothing when flat.
 */
public final class SpecSignals {
    private SpecSignals() {
    }

    public static SpecDecision decide(CompiledSpec spec, Frame current, Frame previous, OpenTrade open) {
        Evaluation e = spec.evaluate(current, previous);
        PositionState position = current == null ? null : current.position();
        if (position == null) {
            return SpecDecision.hold("missing_indicator", e, Set.of("position"));
        }
        if (position == PositionState.FLAT) {
            return whenFlat(spec, current, e);
        }
        return whenHolding(position, current, open, e);
    }

    private static SpecDecision whenHolding(PositionState side, Frame current, OpenTrade open, Evaluation e) {
        TriggerResult emergency = firstExit(e, TriggerCategory.EMERGENCY_EXIT, null);
        if (emergency != null) {
            return SpecDecision.exit("exit:" + emergency.id(), emergency.id(), emergency.category(), true, e);
        }
        double close = current.close();
        boolean bound = open != null && open.side() == side && !Double.isNaN(close);
        if (bound && open.stopHit(close)) {
            return SpecDecision.exit("stop_hit", open.triggerId(), null, true, e);
        }
        if (bound && open.targetHit(close)) {
            return SpecDecision.exit("target_hit", open.triggerId(), null, false, e);
        }
        TriggerResult exitTrigger = firstExit(e, null, TriggerDirection.EXIT);
        if (exitTrigger != null) {
            return SpecDecision.exit("exit:" + exitTrigger.id(), exitTrigger.id(), exitTrigger.category(), false, e);
        }
        TriggerDirection held = side == PositionState.LONG ? TriggerDirection.LONG : TriggerDirection.SHORT;
        TriggerResult sameSide = bound ? exitOf(e, open.triggerId()) : firstExit(e, null, held);
        if (sameSide != null) {
            return SpecDecision.exit("exit:" + sameSide.id(), sameSide.id(), sameSide.category(), false, e);
        }
        for (TriggerResult t : e.triggers()) {
            if (t.direction() != TriggerDirection.EXIT && t.direction() != held && t.entryFired()) {
                return SpecDecision.exit("opposite_entry:" + t.id(), t.id(), t.category(), false, e);
            }
        }
        return SpecDecision.hold("holding", e, Set.of());
    }

    /** The trigger that opened the position, if its exit rule fired. */
    private static TriggerResult exitOf(Evaluation e, String triggerId) {
        for (TriggerResult t : e.triggers()) {
            if (t.id().equals(triggerId) && t.exitFired()) {
                return t;
            }
        }
        return null;
    }

    /** The first trigger (priority order) whose exit rule fired, of a category or of a direction. */
    private static TriggerResult firstExit(Evaluation e, TriggerCategory category, TriggerDirection direction) {
        for (TriggerResult t : e.triggers()) {
            boolean matches = category != null ? t.category() == category
                    : t.direction() == direction && t.category() != TriggerCategory.EMERGENCY_EXIT;
            if (matches && t.exitFired()) {
                return t;
            }
        }
        return null;
    }

    private static SpecDecision whenFlat(CompiledSpec spec, Frame current, Evaluation e) {
        Instant time = current.time() != null ? current.time() : current.base() == null ? null : current.base().computedAt();
        if (spec.spec().expiredAt(time)) {
            return SpecDecision.hold("spec_expired", e, Set.of());
        }
        for (TriggerResult t : e.triggers()) {
            if (t.direction() != TriggerDirection.EXIT && t.entryFired()) {
                return enter(spec, current, t, e);
            }
        }
        Set<String> missing = entryMissing(e);
        return SpecDecision.hold(missing.isEmpty() ? "no_trigger" : "missing_indicator", e, missing);
    }

    private static Set<String> entryMissing(Evaluation e) {
        Set<String> out = new TreeSet<>();
        for (TriggerResult t : e.triggers()) {
            if (t.entry() != null && t.entry().unknown()) {
                out.addAll(t.entry().missing());
            }
        }
        return out;
    }

    private static SpecDecision enter(CompiledSpec compiled, Frame current, TriggerResult t, Evaluation e) {
        StrategySpec spec = compiled.spec();
        double close = current.close();
        if (Double.isNaN(close) || close <= 0) {
            return SpecDecision.hold("missing_indicator", e, Set.of("close"));
        }
        BigDecimal price = BigDecimal.valueOf(close);
        Double atr = current.base().atr14();
        BigDecimal stop = spec.stopLoss().distance(price, atr);
        BigDecimal target = spec.takeProfit() == null ? null : spec.takeProfit().distance(price, atr);
        Double vol = current.base().realizedVol20();
        boolean needsVol = spec.sizing().rule() == SizingRule.VOL_TARGET;
        if (stop == null || spec.takeProfit() != null && target == null || needsVol && (vol == null || !(vol > 0))) {
            return SpecDecision.hold("missing_indicator", e, Set.of(stop == null || target == null && spec.takeProfit() != null
                    ? "atr_14" : "realized_vol_20"));
        }
        boolean isLong = t.direction() == TriggerDirection.LONG;
        BigDecimal stopPrice = isLong ? price.subtract(stop) : price.add(stop);
        if (stopPrice.signum() <= 0) {
            return SpecDecision.hold("stop_below_zero", e, Set.of());
        }
        BigDecimal targetPrice = target == null ? null : isLong ? price.add(target) : price.subtract(target);
        return new SpecDecision(isLong ? SpecDecision.Action.ENTER_LONG : SpecDecision.Action.ENTER_SHORT,
                "entry:" + t.id(), t.id(), t.category(), false, price, stop.round(MathContext.DECIMAL64), stopPrice,
                targetPrice, spec.sizing(), vol, compiled.environment().base().seconds(), e, Set.of());
    }
}
