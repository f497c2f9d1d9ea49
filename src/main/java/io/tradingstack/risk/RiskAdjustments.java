package io.tradingstack.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Temporary scaling of the risk limits (the judge's {@code risk_adjustments}): a global multiplier
 * and per-symbol multipliers, each clamped to [0.25, 3.0] (reference JUDGE_RISK_MULTIPLIER_MIN/MAX),
 * effective until {@code until} (null = no expiry). The strictest multiplier wins.
 */
public record RiskAdjustments(BigDecimal global, Map<String, BigDecimal> symbols, Instant until) {
    public static final BigDecimal MIN = new BigDecimal("0.25");
    public static final BigDecimal MAX = new BigDecimal("3.0");
    public static final RiskAdjustments NONE = new RiskAdjustments(BigDecimal.ONE, Map.of(), null);

    public RiskAdjustments {
        global = clamp(global == null ? BigDecimal.ONE : global);
        symbols = symbols == null ? Map.of() : Map.copyOf(symbols);
    }

    /** The multiplier applied to the limits of {@code symbol} at {@code time}; 1 once expired. */
    public BigDecimal multiplier(String symbol, Instant time) {
        if (until != null && !time.isBefore(until)) {
            return BigDecimal.ONE;
        }
        BigDecimal perSymbol = symbols.get(symbol);
        return perSymbol == null ? global : global.min(clamp(perSymbol));
    }

    /**
     * The stored adjustments in force at {@code time} combined: the strictest global multiplier and
     * the strictest per symbol (1 where none is in force); no single expiry, so combine again at the
     * next decision.
     */
    public static RiskAdjustments inForce(java.util.Collection<RiskAdjustment> all, Instant time) {
        BigDecimal global = null;
        Map<String, BigDecimal> symbols = new java.util.TreeMap<>();
        for (RiskAdjustment a : all) {
            if (!a.activeAt(time)) {
                continue;
            }
            if (a.scope() == RiskAdjustment.Scope.GLOBAL) {
                global = global == null ? a.multiplier() : global.min(a.multiplier());
            } else {
                symbols.merge(a.symbol(), a.multiplier(), BigDecimal::min);
            }
        }
        return new RiskAdjustments(global, symbols, null);
    }

    public boolean isNeutral() {
        return global.compareTo(BigDecimal.ONE) == 0 && symbols.isEmpty();
    }

    static BigDecimal clamp(BigDecimal m) {
        return m.max(MIN).min(MAX);
    }
}
