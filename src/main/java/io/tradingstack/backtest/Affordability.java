package io.tradingstack.backtest;

import io.tradingstack.execution.PaperFillModel;
import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The largest buy the cash pays for at the open, with the fill model's own slipped price and fee
 * (so the portfolio never rejects it). The open can gap away from the close the risk engine sized on.
 */
final class Affordability {
    private Affordability() {
    }

    static BigDecimal maxBuyQty(PaperFillModel model, BigDecimal cash, BigDecimal open, int scale) {
        BigDecimal price = model.marketPrice(Side.BUY, open, open);
        BigDecimal feePerUnit = model.takerFee(price);
        BigDecimal qty = cash.divide(price.add(feePerUnit), MathContext.DECIMAL64).setScale(scale, RoundingMode.DOWN);
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        while (qty.signum() > 0 && cost(model, qty, price).compareTo(cash) > 0) {
            qty = qty.subtract(step);
        }
        return qty.max(BigDecimal.ZERO);
    }

    /**
     * Whether buying {@code qty} at the open is covered by {@code cash}, fee and slippage included.
     * The cheap bound qty·open·(1 + slippage)·(1 + fee) + (2·qty + 1)·1e-8 is never below the fill
     * model's cost (its price and its fee each round up by less than 1e-8), so the exact check runs
     * only near the limit.
     */
    static boolean affords(PaperFillModel model, BigDecimal buyFactor, BigDecimal cash, BigDecimal open, BigDecimal qty) {
        BigDecimal bound = qty.multiply(open).multiply(buyFactor).add(qty.add(qty).add(BigDecimal.ONE).movePointLeft(8));
        return bound.compareTo(cash) <= 0 || cost(model, qty, model.marketPrice(Side.BUY, open, open)).compareTo(cash) <= 0;
    }

    private static BigDecimal cost(PaperFillModel model, BigDecimal qty, BigDecimal price) {
        BigDecimal notional = qty.multiply(price);
        return notional.add(model.takerFee(notional));
    }
}
