package io.tradingstack.agents.judge;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge's score of one window, 0-100, from {@link JudgeFigures} by the documented
 * {@link ScoringRules}: the weighted mean of the defined components (an undefined component's weight
 * is shared by the others; none defined = 50, no evidence either way). Pure and deterministic: the
 * workflow computes it, so a replay gives the same number.
 *
 * @param components each defined component's 0-100 value (two decimals), in {@link ScoreComponent} order
 * @param undefined  why each undefined component is
 */
public record JudgeScore(double score, Map<String, Double> components, Map<String, String> undefined) {
    private static final MathContext MC = MathContext.DECIMAL64;
    /** The score when no component is defined. */
    public static final double NO_EVIDENCE = 50.0;

    public JudgeScore {
        components = Map.copyOf(components);
        undefined = Map.copyOf(undefined);
    }

    public static JudgeScore of(JudgeFigures f, ScoringRules rules) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> undefined = new LinkedHashMap<>();
        put(values, undefined, ScoreComponent.RETURNS, returns(f, rules), "no equity at the start of the window");
        put(values, undefined, ScoreComponent.DRAWDOWN, drawdown(f, rules), "no equity in the window");
        put(values, undefined, ScoreComponent.DECISIONS, f.agentIntents() > 0
                ? ratioScore(f.agentIntents() - f.agentBlocked(), f.agentIntents())
                : ratioScore(f.attempts() - f.blocked(), f.attempts()), "no order reached the risk gate");
        put(values, undefined, ScoreComponent.COSTS, costs(f), "no realized P&L and no fees");
        put(values, undefined, ScoreComponent.HIT_RATE, ratioScore(f.winningTrades(), f.closedTrades()), "no closed trade");
        put(values, undefined, ScoreComponent.CONSISTENCY, consistency(f.dailyPnl()), "fewer than two days with a P&L");
        double weighted = 0;
        double weight = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double w = rules.weight(ScoreComponent.ofKey(e.getKey()));
            weighted += w * e.getValue();
            weight += w;
        }
        double score = weight > 0 ? round(weighted / weight) : NO_EVIDENCE;
        return new JudgeScore(score, values, undefined);
    }

    /** The component values in {@link ScoreComponent} order (Map.copyOf does not keep order). */
    public Map<String, Double> ordered() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ScoreComponent c : ScoreComponent.values()) {
            if (components.containsKey(c.key())) {
                out.put(c.key(), components.get(c.key()));
            }
        }
        return out;
    }

    public Double component(ScoreComponent c) {
        return components.get(c.key());
    }

    private static void put(Map<String, Double> values, Map<String, String> undefined, ScoreComponent c, Double v, String why) {
        if (v == null) {
            undefined.put(c.key(), why);
        } else {
            values.put(c.key(), round(v));
        }
    }

    static Double returns(JudgeFigures f, ScoringRules rules) {
        if (f.startEquity().signum() <= 0) {
            return null;
        }
        double r = f.endEquity().subtract(f.startEquity()).divide(f.startEquity(), MC).doubleValue();
        return clamp(50 + 50 * r / rules.returnTarget());
    }

    static Double drawdown(JudgeFigures f, ScoringRules rules) {
        if (f.startEquity().signum() <= 0 && f.endEquity().signum() <= 0) {
            return null;
        }
        return clamp(100 * (1 - f.maxDrawdown().doubleValue() / rules.drawdownLimit()));
    }

    static Double costs(JudgeFigures f) {
        BigDecimal gross = f.grossPnl().abs().add(f.fees());
        if (gross.signum() == 0) {
            return null;
        }
        return clamp(100 * (1 - f.fees().divide(gross, MC).doubleValue()));
    }

    static Double consistency(List<BigDecimal> daily) {
        long withPnl = daily.stream().filter(d -> d.signum() != 0).count();
        if (withPnl < 2) {
            return null;
        }
        long losing = daily.stream().filter(d -> d.signum() < 0).count();
        return 100.0 * (withPnl - losing) / withPnl;
    }

    private static Double ratioScore(long good, long all) {
        return all == 0 ? null : 100.0 * good / all;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
