package io.tradingstack.strategy.spec;

import io.tradingstack.strategy.rules.PositionState;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a spec says on one bar: enter long or short (with the stop, take-profit and sizing), exit
 * (an emergency exit passes the daily caps), or hold, with a machine-readable reason such as
 * {@code entry:trend_long}, {@code stop_hit}, {@code missing_indicator} or {@code spec_expired}.
 */
public record SpecDecision(Action action, String reason, String triggerId, TriggerCategory category, boolean emergency,
                           BigDecimal price, BigDecimal stopDistance, BigDecimal stopPrice, BigDecimal takeProfitPrice,
                           Sizing sizing, Double realizedVol, int timeframeSeconds, Evaluation evaluation,
                           Set<String> missing) {
    public enum Action { ENTER_LONG, ENTER_SHORT, EXIT, HOLD }

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final int QTY_SCALE = 8;

    public SpecDecision {
        missing = missing == null ? Set.of() : Set.copyOf(missing);
    }

    static SpecDecision hold(String reason, Evaluation e, Set<String> missing) {
        return new SpecDecision(Action.HOLD, reason, null, null, false, null, null, null, null, null, null, 0, e, missing);
    }

    static SpecDecision exit(String reason, String triggerId, TriggerCategory category, boolean emergency, Evaluation e) {
        return new SpecDecision(Action.EXIT, reason, triggerId, category, emergency, null, null, null, null, null, null, 0, e,
                Set.of());
    }

    public boolean isEntry() {
        return action == Action.ENTER_LONG || action == Action.ENTER_SHORT;
    }

    /** The levels to keep while the position this entry opens is held; null for other decisions. */
    public OpenTrade openTrade() {
        if (!isEntry()) {
            return null;
        }
        return new OpenTrade(action == Action.ENTER_LONG ? PositionState.LONG : PositionState.SHORT, triggerId, price,
                stopPrice, takeProfitPrice);
    }

    /**
     * The quantity the sizing rule asks for with {@code equity} (8 decimals, rounded down), before
     * the risk engine's caps; null for exits and holds (an exit closes the whole position).
     */
    public BigDecimal quantity(BigDecimal equity) {
        if (!isEntry() || equity == null || equity.signum() <= 0) {
            return null;
        }
        BigDecimal notional = switch (sizing.rule()) {
            case FIXED_FRACTION -> equity.multiply(sizing.fraction());
            case RISK_AT_STOP -> equity.multiply(sizing.riskPct()).movePointLeft(2).divide(stopDistance, MC).multiply(price);
            case VOL_TARGET -> equity.multiply(volFraction());
        };
        return notional.divide(price, QTY_SCALE, RoundingMode.DOWN);
    }

    /**
     * The equity fraction whose daily volatility is the target: realized_vol_20 is per bar, a day
     * has 86 400 / bar-length bars, so daily vol = σ·√bars (square-root-of-time).
     */
    private BigDecimal volFraction() {
        double daily = realizedVol * Math.sqrt(86_400.0 / timeframeSeconds);
        double f = sizing.targetVolPct().doubleValue() / 100.0 / daily;
        return BigDecimal.valueOf(Math.min(f, sizing.maxFraction().doubleValue()));
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action.name().toLowerCase(java.util.Locale.ROOT));
        m.put("reason", reason);
        m.put("trigger_id", triggerId);
        m.put("category", category == null ? null : category.key());
        m.put("emergency", emergency);
        m.put("price", price);
        m.put("stop_distance", stopDistance);
        m.put("stop_price", stopPrice);
        m.put("take_profit_price", takeProfitPrice);
        m.put("sizing", sizing == null ? null : sizing.rule().key());
        m.put("missing", List.copyOf(new java.util.TreeSet<>(missing)));
        return m;
    }
}
