package io.tradingstack.risk;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The risk limits of the reference design (§6b, §7). Percentages are of equity (1.25 = 1.25 %).
 * {@code maxDailyRiskBudgetPct} and {@code maxTradesPerDay} are off when null.
 */
public record RiskLimits(BigDecimal maxPositionRiskPct, BigDecimal maxSymbolExposurePct,
                         BigDecimal maxPortfolioExposurePct, BigDecimal maxDailyLossPct,
                         BigDecimal maxDailyRiskBudgetPct, Integer maxTradesPerDay,
                         Set<String> symbolVetoes, Set<Direction> directionVetoes) {

    /** Reference {@code RiskLimitSettings} defaults: 2.0 / 25.0 / 80.0 / 3.0 / none. */
    public static final RiskLimits DEFAULTS = new RiskLimits(new BigDecimal("2.0"), new BigDecimal("25.0"),
            new BigDecimal("80.0"), new BigDecimal("3.0"), null, null, Set.of(), Set.of());

    /**
     * Defaults of the live gate, for a small paper book placing orders by hand or by agent: 2 % of
     * equity at risk per trade at its stop, at most 60 % of equity in one symbol and 95 % in all
     * (a 5 % cash buffer, as the reference's execution prompt asks), 5 % daily loss, 500 trades a
     * day (a runaway guard: at the default 60 bps fee that many round trips would cost the book).
     */
    public static final RiskLimits LIVE = new RiskLimits(new BigDecimal("2.0"), new BigDecimal("60"),
            new BigDecimal("95"), new BigDecimal("5"), null, 500, Set.of(), Set.of());

    public RiskLimits {
        requirePositive("max_position_risk_pct", maxPositionRiskPct);
        requirePositive("max_symbol_exposure_pct", maxSymbolExposurePct);
        requirePositive("max_portfolio_exposure_pct", maxPortfolioExposurePct);
        requirePositive("max_daily_loss_pct", maxDailyLossPct);
        if (maxDailyRiskBudgetPct != null) {
            requirePositive("max_daily_risk_budget_pct", maxDailyRiskBudgetPct);
        }
        if (maxTradesPerDay != null && maxTradesPerDay < 0) {
            throw new IllegalArgumentException("max_trades_per_day must be >= 0");
        }
        symbolVetoes = symbolVetoes == null ? Set.of() : Set.copyOf(symbolVetoes);
        directionVetoes = directionVetoes == null ? Set.of() : Set.copyOf(directionVetoes);
    }

    /** All percentage limits multiplied by {@code m} (reference {@code RiskLimitSettings.scaled}). */
    public RiskLimits scaled(BigDecimal m) {
        return new RiskLimits(maxPositionRiskPct.multiply(m), maxSymbolExposurePct.multiply(m),
                maxPortfolioExposurePct.multiply(m), maxDailyLossPct.multiply(m),
                maxDailyRiskBudgetPct == null ? null : maxDailyRiskBudgetPct.multiply(m),
                maxTradesPerDay, symbolVetoes, directionVetoes);
    }

    private static void requirePositive(String name, BigDecimal v) {
        if (v == null || v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }
}
