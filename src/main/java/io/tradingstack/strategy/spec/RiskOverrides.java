package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.risk.Direction;
import io.tradingstack.risk.RiskLimits;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Risk limits a spec asks for, with the reference keys (risk.RiskConfig). They can only tighten
 * what the configuration allows: {@link #tighten} takes the smaller of each pair, so a spec written
 * by a model can never raise a limit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskOverrides(@JsonProperty("max_position_risk_pct") BigDecimal maxPositionRiskPct,
                            @JsonProperty("max_symbol_exposure_pct") BigDecimal maxSymbolExposurePct,
                            @JsonProperty("max_portfolio_exposure_pct") BigDecimal maxPortfolioExposurePct,
                            @JsonProperty("max_daily_loss_pct") BigDecimal maxDailyLossPct,
                            @JsonProperty("max_daily_risk_budget_pct") BigDecimal maxDailyRiskBudgetPct,
                            @JsonProperty("max_trades_per_day") Integer maxTradesPerDay,
                            @JsonProperty("direction_vetoes") List<String> directionVetoes) {
    public static final RiskOverrides NONE = new RiskOverrides(null, null, null, null, null, null, null);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public RiskOverrides {
        pct("max_position_risk_pct", maxPositionRiskPct);
        pct("max_symbol_exposure_pct", maxSymbolExposurePct);
        pct("max_portfolio_exposure_pct", maxPortfolioExposurePct);
        pct("max_daily_loss_pct", maxDailyLossPct);
        pct("max_daily_risk_budget_pct", maxDailyRiskBudgetPct);
        Keys.require(maxTradesPerDay == null || maxTradesPerDay >= 0 && maxTradesPerDay <= 10_000,
                "max_trades_per_day must be between 0 and 10000");
        if (directionVetoes != null) {
            for (String d : directionVetoes) {
                Keys.require(d != null && List.of("long", "short", "exit").contains(d),
                        "direction_vetoes holds long, short or exit, not '" + d + "'");
            }
            directionVetoes = List.copyOf(directionVetoes);
        }
    }

    private static void pct(String name, BigDecimal v) {
        Keys.require(v == null || v.signum() > 0 && v.compareTo(HUNDRED) <= 0, name + " must be > 0 and at most 100");
    }

    /** {@code base} with each limit this spec sets lowered to it (never raised); vetoes are added. */
    public RiskLimits tighten(RiskLimits base) {
        Set<Direction> vetoes = new HashSet<>(base.directionVetoes());
        if (directionVetoes != null) {
            directionVetoes.forEach(d -> vetoes.add(Direction.parse(d)));
        }
        Integer trades = base.maxTradesPerDay();
        if (maxTradesPerDay != null) {
            trades = trades == null ? maxTradesPerDay : Integer.valueOf(Math.min(trades, maxTradesPerDay));
        }
        return new RiskLimits(min(base.maxPositionRiskPct(), maxPositionRiskPct), min(base.maxSymbolExposurePct(), maxSymbolExposurePct),
                min(base.maxPortfolioExposurePct(), maxPortfolioExposurePct), min(base.maxDailyLossPct(), maxDailyLossPct),
                base.maxDailyRiskBudgetPct() == null ? maxDailyRiskBudgetPct : min(base.maxDailyRiskBudgetPct(), maxDailyRiskBudgetPct),
                trades, base.symbolVetoes(), vetoes);
    }

    private static BigDecimal min(BigDecimal base, BigDecimal mine) {
        return mine == null ? base : base.min(mine);
    }
}
