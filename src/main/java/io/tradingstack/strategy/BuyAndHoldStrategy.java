package io.tradingstack.strategy;

import io.tradingstack.features.Feature;
import io.tradingstack.risk.Direction;
import io.tradingstack.risk.RiskLimits;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmark: fully invested from the first bar of each series and held to the end. The equity
 * is split equally over the series (each entry asks for equity / series / close; the cash cap of
 * the risk gate takes the fees and slippage off the last one). Its orders still pass the risk gate,
 * under {@link #fullInvestment} limits, so the same fill, fee and ledger rules apply as for any strategy.
 */
public final class BuyAndHoldStrategy implements Strategy {
    public static final String NAME = "buy-and-hold";
    private static final BigDecimal ALL = new BigDecimal("100");
    private int series = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void init(List<String> seriesKeys) {
        series = Math.max(1, seriesKeys.size());
    }

    /** It reads only bars, the position and the equity. */
    @Override
    public Set<Feature> requiredFeatures() {
        return EnumSet.noneOf(Feature.class);
    }

    @Override
    public List<Signal> onBar(BarView view) {
        if (view.position().signum() == 0 && view.bar(1) == null) {
            BigDecimal close = BigDecimal.valueOf(view.bar().close());
            BigDecimal qty = view.equity().divide(close.multiply(BigDecimal.valueOf(series)), MathContext.DECIMAL64);
            return List.of(new Signal(Direction.LONG, qty, null, false, "buy and hold"));
        }
        return List.of();
    }

    /**
     * The limits a fully invested benchmark needs: per-trade risk and symbol and portfolio exposure
     * at 100 % of equity; the daily loss stop, trade count and vetoes stay as configured.
     */
    public static RiskLimits fullInvestment(RiskLimits configured) {
        return new RiskLimits(ALL, ALL, ALL, configured.maxDailyLossPct(), null, configured.maxTradesPerDay(),
                configured.symbolVetoes(), configured.directionVetoes());
    }
}
