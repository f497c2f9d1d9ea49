package io.tradingstack.backtest;

import io.tradingstack.execution.PaperFillModel;
import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AffordabilityTest {
    static final BigDecimal FEE = new BigDecimal("60");
    static final BigDecimal SLIP = new BigDecimal("25");
    static final PaperFillModel MODEL = new PaperFillModel(FEE, FEE, SLIP);
    static final BigDecimal FACTOR = BigDecimal.ONE.add(SLIP.movePointLeft(4)).multiply(BigDecimal.ONE.add(FEE.movePointLeft(4)));

    static BigDecimal exactCost(BigDecimal qty, BigDecimal open) {
        BigDecimal notional = qty.multiply(MODEL.marketPrice(Side.BUY, open, open));
        return notional.add(MODEL.takerFee(notional));
    }

    @Test
    void theCheapBoundNeverApprovesWhatTheFillModelWouldRefuse() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal open = BigDecimal.valueOf(rnd.nextLong(1, 10_000_000_00L), 2);
            BigDecimal qty = BigDecimal.valueOf(rnd.nextLong(1, 100_000_000L), 8);
            BigDecimal cost = exactCost(qty, open);
            BigDecimal cash = cost.add(BigDecimal.valueOf(rnd.nextLong(-50, 50), 8));
            assertEquals(cost.compareTo(cash) <= 0, Affordability.affords(MODEL, FACTOR, cash, open, qty), qty + " @ " + open);
        }
    }

    @Test
    void maxBuyQtyIsAffordableAndMaximal() {
        BigDecimal open = new BigDecimal("27384.12");
        BigDecimal cash = new BigDecimal("1400");
        BigDecimal qty = Affordability.maxBuyQty(MODEL, cash, open, 8);
        assertTrue(exactCost(qty, open).compareTo(cash) <= 0);
        assertTrue(exactCost(qty.add(new BigDecimal("0.00000001")), open).compareTo(cash) > 0);
        assertEquals(qty, qty.setScale(8, RoundingMode.DOWN));
    }
}
