package io.tradingstack.execution;

import io.tradingstack.risk.RiskLimits;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders the gate's limits and stored days as the backtest report shows them. */
final class RiskViews {
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
