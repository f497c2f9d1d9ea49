package io.tradingstack.agents.execution;

import io.tradingstack.ledger.PortfolioStatus;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The most a new buy of a symbol may cost so the risk gate admits it: within the available cash
 * and the gate's symbol and portfolio exposure limits (percent of equity), less what is already
 * held, with a {@link #MARGIN} for fees, slippage and the price moving before the fill. The gate
 * refuses an order over a limit instead of shrinking it, so the agent sizes within them.
 */
record BuyCap(BigDecimal cash, BigDecimal symbolRoom, BigDecimal portfolioRoom, Map<String, BigDecimal> held) {
    /** 10 % below the limits: fees (60 bps), slippage and a moving price stay inside. */
    static final BigDecimal MARGIN = new BigDecimal("0.9");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static BuyCap of(PortfolioStatus s, Map<String, Object> limits) {
        BigDecimal equity = s.equity() == null ? BigDecimal.ZERO : s.equity();
        Map<String, BigDecimal> held = new java.util.HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (PortfolioStatus.Position p : s.positions()) {
            BigDecimal value = p.marketValue() != null ? p.marketValue() : p.costBasis() == null ? BigDecimal.ZERO : p.costBasis();
            held.put(p.symbol(), value);
            total = total.add(value);
        }
        BigDecimal cash = s.availableCash() == null ? BigDecimal.ZERO : s.availableCash();
        return new BuyCap(cash, percentOf(equity, limits.get("max_symbol_exposure_pct")),
                percentOf(equity, limits.get("max_portfolio_exposure_pct")).subtract(total), Map.copyOf(held));
    }

    private static BigDecimal percentOf(BigDecimal equity, Object pct) {
        return pct == null ? equity : equity.multiply(new BigDecimal(String.valueOf(pct))).divide(HUNDRED);
    }

    /** The largest notional a buy of {@code symbol} may have now (zero when there is no room). */
    BigDecimal notional(String symbol) {
        BigDecimal room = symbolRoom.subtract(held.getOrDefault(symbol, BigDecimal.ZERO)).min(portfolioRoom).min(cash);
        return room.signum() <= 0 ? BigDecimal.ZERO : room.multiply(MARGIN);
    }
}
