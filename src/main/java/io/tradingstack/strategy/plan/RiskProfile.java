package io.tradingstack.strategy.plan;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How much risk a planned spec takes. Each profile fixes the per-trade risk, the stop in ATR
 * multiples (the take-profit is twice as far: a 2R target), and the limits the spec tightens.
 */
public enum RiskProfile {
    CONSERVATIVE("0.25", "2.0", "0.5", "1.0", 10),
    MODERATE("0.5", "2.5", "1.0", "2.0", 20),
    AGGRESSIVE("1.0", "3.0", "2.0", "3.0", 40);

    final BigDecimal riskPct;
    final BigDecimal stopAtr;
    final BigDecimal maxPositionRiskPct;
    final BigDecimal maxDailyLossPct;
    final int maxTradesPerDay;

    RiskProfile(String riskPct, String stopAtr, String maxPositionRiskPct, String maxDailyLossPct, int maxTradesPerDay) {
        this.riskPct = new BigDecimal(riskPct);
        this.stopAtr = new BigDecimal(stopAtr);
        this.maxPositionRiskPct = new BigDecimal(maxPositionRiskPct);
        this.maxDailyLossPct = new BigDecimal(maxDailyLossPct);
        this.maxTradesPerDay = maxTradesPerDay;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** conservative, moderate or aggressive (the reference's "low/medium/high" tolerances map here too). */
    public static RiskProfile parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "conservative", "low" -> CONSERVATIVE;
            case "moderate", "medium", "balanced" -> MODERATE;
            case "aggressive", "high" -> AGGRESSIVE;
            default -> throw new IllegalArgumentException("risk profile '" + text + "': expected conservative, moderate or aggressive");
        };
    }
}
