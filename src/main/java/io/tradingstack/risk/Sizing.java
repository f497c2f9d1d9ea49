package io.tradingstack.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantity caps of one entry, one per constraint; the smallest binds. Formulas follow the
 * reference RiskEngine (§7): risk cap = equity·pct / stop distance (or a notional cap without a
 * stop), symbol capacity = equity·pct − |position|·price, portfolio capacity = equity·pct − gross
 * exposure, cash capacity = cash / (1 + costs), budget = remaining budget / stop distance.
 */
final class Sizing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One cap: the quantity it allows and why it would block (the text is only built for a block). */
    record Cap(String limit, BlockReason reason, BigDecimal qty, java.util.function.Supplier<String> text) {
        String detail() {
            return text.get();
        }
    }

    private final List<Cap> caps = new ArrayList<>();

    /**
     * @param riskCapWithoutStop whether an entry without a stop has its notional capped by the per-trade
     *                           risk (the reference and the backtester do; the live gate caps only risk at a stop)
     */
    Sizing(TradeRequest r, AccountSnapshot a, RiskLimits limits, BigDecimal costRate, BigDecimal budgetRemaining,
           boolean riskCapWithoutStop) {
        BigDecimal price = r.price();
        BigDecimal equity = a.equity();
        boolean stopped = r.stopDistance() != null && r.stopDistance().signum() > 0;
        BigDecimal perUnitRisk = stopped ? r.stopDistance() : price;
        BigDecimal riskCap = share(equity, limits.maxPositionRiskPct());
        if (stopped || riskCapWithoutStop) {
            caps.add(new Cap("max_position_risk_pct", BlockReason.MAX_POSITION_RISK, div(riskCap, perUnitRisk),
                    () -> "Per-trade risk cap " + money(riskCap) + " (" + RiskEngine.pct(limits.maxPositionRiskPct())
                            + "% of equity) allows no size"));
        }
        BigDecimal symbolRoom = share(equity, limits.maxSymbolExposurePct()).subtract(a.symbolExposure());
        caps.add(new Cap("max_symbol_exposure_pct", BlockReason.MAX_SYMBOL_EXPOSURE, div(symbolRoom, price),
                () -> "Exposure to " + r.symbol() + " at max symbol exposure (" + RiskEngine.pct(limits.maxSymbolExposurePct()) + "%)"));
        BigDecimal portfolioRoom = share(equity, limits.maxPortfolioExposurePct()).subtract(a.portfolioExposure());
        caps.add(new Cap("max_portfolio_exposure_pct", BlockReason.MAX_PORTFOLIO_EXPOSURE, div(portfolioRoom, price),
                () -> "Portfolio exposure at max portfolio exposure (" + RiskEngine.pct(limits.maxPortfolioExposurePct()) + "%)"));
        if (budgetRemaining != null) {
            caps.add(new Cap("max_daily_risk_budget_pct", BlockReason.MAX_DAILY_RISK_BUDGET, div(budgetRemaining, perUnitRisk),
                    () -> "Daily risk budget (" + RiskEngine.pct(limits.maxDailyRiskBudgetPct()) + "% of equity) exhausted"));
        }
        BigDecimal cashRoom = a.cash().divide(BigDecimal.ONE.add(costRate), RiskEngine.MC);
        caps.add(new Cap("cash", BlockReason.INSUFFICIENT_CASH, div(cashRoom, price),
                () -> "Insufficient cash " + money(a.cash()) + " for a minimum order"));
        if (r.desiredQty() != null) {
            caps.add(new Cap("desired", BlockReason.SIZING_ZERO, r.desiredQty(), () -> "Strategy asked for no size"));
        }
    }

    /** The smallest cap; on ties the first listed (risk before exposure before cash) wins. */
    Cap binding() {
        Cap min = caps.get(0);
        for (Cap c : caps) {
            if (c.qty().compareTo(min.qty()) < 0) {
                min = c;
            }
        }
        return min;
    }

    /** The quantity each constraint allows, keyed by limit name ({@code cash} for the cash cap), in check order. */
    java.util.Map<String, BigDecimal> caps() {
        java.util.Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        for (Cap c : caps) {
            out.put(c.limit(), c.qty());
        }
        return out;
    }

    /** Limits that the approved quantity uses at least {@code threshold} of. */
    List<LimitHint> hints(BigDecimal qty, BigDecimal threshold) {
        List<LimitHint> out = new ArrayList<>();
        for (Cap c : caps) {
            if (c.reason().riskParameter() && c.qty().signum() > 0
                    && qty.compareTo(c.qty().multiply(threshold)) >= 0) {
                out.add(new LimitHint(c.limit(), qty, c.qty(), "qty"));
            }
        }
        return out;
    }

    private static BigDecimal share(BigDecimal equity, BigDecimal pct) {
        return equity.multiply(pct).divide(HUNDRED, RiskEngine.MC);
    }

    private static BigDecimal div(BigDecimal amount, BigDecimal per) {
        return amount.divide(per, RiskEngine.MC);
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
