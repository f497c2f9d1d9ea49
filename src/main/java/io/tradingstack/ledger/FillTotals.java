package io.tradingstack.ledger;

import io.tradingstack.model.Fill;
import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.util.Collection;

/** What a set of fills cost and brought in: BUY cost = notional + fee, SELL proceeds = notional − fee (exact). */
public record FillTotals(BigDecimal cost, BigDecimal proceeds) {
    public static FillTotals of(Collection<Fill> fills) {
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal proceeds = BigDecimal.ZERO;
        for (Fill f : fills) {
            if (f.side() == Side.BUY) {
                cost = cost.add(f.notional()).add(f.fee());
            } else {
                proceeds = proceeds.add(f.notional()).subtract(f.fee());
            }
        }
        return new FillTotals(cost, proceeds);
    }
}
