package io.tradingstack.risk;

/**
 * Why the risk engine refused a trade. Each reason has a telemetry counter
 * {@code trades_blocked_by_<key>}; the ones tied to a percentage limit also count in
 * {@code risk_block_breakdown}.
 */
public enum BlockReason {
    MAX_TRADES_PER_DAY("max_trades_per_day", false),
    MAX_DAILY_LOSS("max_daily_loss_pct", true),
    SYMBOL_VETO("symbol_veto", false),
    DIRECTION_VETO("direction_veto", false),
    MAX_POSITION_RISK("max_position_risk_pct", true),
    MAX_SYMBOL_EXPOSURE("max_symbol_exposure_pct", true),
    MAX_PORTFOLIO_EXPOSURE("max_portfolio_exposure_pct", true),
    MAX_DAILY_RISK_BUDGET("max_daily_risk_budget_pct", true),
    INSUFFICIENT_CASH("insufficient_cash", false),
    SIZING_ZERO("sizing_zero", false),
    /** A spot book holds no negative quantity: a short entry, or a sale beyond the position. */
    SPOT_NO_SHORT("spot_no_short", false),
    /** Execution caps ({@link ExecutionCaps}): the trigger's category is not allowed. */
    CATEGORY("category", false),
    /** Execution caps: max_triggers_per_symbol_per_day reached for the symbol. */
    PLAN_LIMIT("plan_limit", false),
    /** Execution caps: the symbol's trigger_budgets entry used up for the day. */
    TRIGGER_BUDGET("trigger_budget", false),
    /** Execution caps: the session in force has multiplier 0 (no new entries). */
    SESSION("session", false);

    private final String key;
    private final boolean riskParameter;

    BlockReason(String key, boolean riskParameter) {
        this.key = key;
        this.riskParameter = riskParameter;
    }

    public String key() {
        return key;
    }

    /** True when the reason is one of the percentage risk limits (counted in risk_block_breakdown). */
    public boolean riskParameter() {
        return riskParameter;
    }
}
