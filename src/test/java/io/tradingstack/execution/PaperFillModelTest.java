package io.tradingstack.execution;

import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperFillModelTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final PaperFillModel model = new PaperFillModel(new BigDecimal("60"), new BigDecimal("40"), new BigDecimal("5"));

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void eq(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void marketBuyPaysAskPlusSlippageAndTakerFee() {
        Fill f = model.marketFill("f", "o", "BTC-USD", Side.BUY, d("0.1"), d("49990"), d("50000"), T);
        eq("50025", f.price());
        eq("30.015", f.fee());
        assertEquals(Liquidity.TAKER, f.liquidity());
    }

    @Test
    void marketSellGetsBidMinusSlippage() {
        Fill f = model.marketFill("f", "o", "BTC-USD", Side.SELL, d("0.1"), d("50000"), d("50010"), T);
        eq("49975", f.price());
        eq("29.985", f.fee());
    }

    @Test
    void roundingGoesAgainstTheTrader() {
        PaperFillModel m = new PaperFillModel(d("60"), d("40"), d("3"));
        Fill buy = m.marketFill("f", "o", "X-USD", Side.BUY, d("1"), d("0.12345677"), d("0.12345678"), T);
        eq("0.12349382", buy.price());
        Fill sell = m.marketFill("f", "o", "X-USD", Side.SELL, d("1"), d("0.12345677"), d("0.12345678"), T);
        eq("0.12341973", sell.price());
        eq("0.00074052", sell.fee());
    }

    @Test
    void limitFillsOnlyWhenTouchedAtLimitWithMakerFee() {
        assertTrue(model.limitFill("f", "o", "BTC-USD", Side.BUY, d("1"), d("100"), d("100.5"), d("101"), T).isEmpty());
        Optional<Fill> buy = model.limitFill("f", "o", "BTC-USD", Side.BUY, d("1"), d("100"), d("99"), d("100"), T);
        eq("100", buy.orElseThrow().price());
        eq("0.4", buy.orElseThrow().fee());
        assertEquals(Liquidity.MAKER, buy.orElseThrow().liquidity());
        assertTrue(model.limitFill("f", "o", "BTC-USD", Side.SELL, d("1"), d("100"), d("99.9"), d("100"), T).isEmpty());
        eq("100", model.limitFill("f", "o", "BTC-USD", Side.SELL, d("1"), d("100"), d("100"), d("100.1"), T)
                .orElseThrow().price());
    }
}
