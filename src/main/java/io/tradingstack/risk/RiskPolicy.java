package io.tradingstack.risk;

/**
 * How the engine treats what the reference leaves open. {@code spotOnly}: the book cannot go short,
 * so a short entry is blocked ({@link BlockReason#SPOT_NO_SHORT}) instead of being sized and
 * dropped later. {@code riskCapWithoutStop}: whether an entry that carries no stop has its notional
 * capped by max_position_risk_pct (the reference and the backtester do: a strategy always has a
 * stop to give; the live gate caps risk only at a stop a client or agent declared, and bounds
 * stop-less orders by exposure, cash and the daily limits).
 */
public record RiskPolicy(boolean spotOnly, boolean riskCapWithoutStop) {
    /** Backtests: spot book, the reference's notional cap for stop-less entries. */
    public static final RiskPolicy BACKTEST = new RiskPolicy(true, true);
    /** Live orders: spot book, per-trade risk only at a declared stop. */
    public static final RiskPolicy LIVE = new RiskPolicy(true, false);
}
