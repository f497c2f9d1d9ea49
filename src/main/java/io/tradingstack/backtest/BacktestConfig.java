package io.tradingstack.backtest;

import io.tradingstack.risk.ExecutionCaps;
import io.tradingstack.risk.RiskAdjustments;
import io.tradingstack.risk.RiskLimits;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Account, costs and limits of one backtest. Fees are taker fees (every engine order is a market
 * order); slippage is applied by the paper fill model on top of the open price.
 */
public record BacktestConfig(BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps, RiskLimits limits,
                             RiskAdjustments adjustments, BigDecimal minNotional, int qtyScale, ExecutionCaps caps) {
    /** Coinbase Advanced taker fee of the lowest tier is 60 bps; 10 bps matches the reference fee_rate 0.001. */
    public static final BigDecimal DEFAULT_FEE_BPS = BigDecimal.TEN;
    public static final BigDecimal DEFAULT_SLIPPAGE_BPS = new BigDecimal("5");
    /** The reference CLI's default initial cash. */
    public static final BigDecimal DEFAULT_CASH = new BigDecimal("1400");

    public BacktestConfig {
        Objects.requireNonNull(limits, "limits");
        adjustments = adjustments == null ? RiskAdjustments.NONE : adjustments;
        caps = caps == null ? ExecutionCaps.NONE : caps;
        if (initialCash == null || initialCash.signum() <= 0) {
            throw new IllegalArgumentException("initial cash must be > 0");
        }
        if (feeBps == null || feeBps.signum() < 0 || slippageBps == null || slippageBps.signum() < 0) {
            throw new IllegalArgumentException("fee and slippage must be >= 0");
        }
    }

    /** A config without execution caps. */
    public BacktestConfig(BigDecimal initialCash, BigDecimal feeBps, BigDecimal slippageBps, RiskLimits limits,
                          RiskAdjustments adjustments, BigDecimal minNotional, int qtyScale) {
        this(initialCash, feeBps, slippageBps, limits, adjustments, minNotional, qtyScale, ExecutionCaps.NONE);
    }

    public static BacktestConfig defaults() {
        return new BacktestConfig(DEFAULT_CASH, DEFAULT_FEE_BPS, DEFAULT_SLIPPAGE_BPS, RiskLimits.DEFAULTS,
                RiskAdjustments.NONE, BigDecimal.ONE, 8);
    }

    public BacktestConfig withLimits(RiskLimits l, RiskAdjustments a) {
        return new BacktestConfig(initialCash, feeBps, slippageBps, l, a, minNotional, qtyScale, caps);
    }

    /** Fee plus slippage as a fraction, what a buy costs on top of the open price. */
    public BigDecimal costRate() {
        return feeBps.add(slippageBps).movePointLeft(4);
    }
}
