package io.tradingstack.backtest;

import io.tradingstack.ledger.Portfolio;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The curve's integer-unit equity points read back exactly as the BigDecimal equity would. */
class BookEquityTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void integerUnitPointsEqualTheBigDecimalEquity() {
        Random rnd = new Random(42);
        Portfolio p = new Portfolio("USDT", new BigDecimal("0.1"));
        p.fund("initial", new BigDecimal("1400.123456789012"), T);
        Book book = new Book(p, List.of("BTC-USDT", "ETH-USDT"));
        book.refresh();
        EquityCurve curve = new EquityCurve();
        int n = 0;
        for (int step = 0; step < 4000; step++) {
            int sym = rnd.nextInt(2);
            double close = sym == 0 ? 20000 + rnd.nextInt(5_000_000) / 100.0 : 1000 + rnd.nextInt(300_000_000) / 1e5;
            book.mark(sym, close);
            if (step % 37 == 0) {
                trade(p, book, sym, close, n++, rnd);
            }
            book.appendEquity(curve, step);
            assertEquals(0, book.equity().compareTo(curve.exact(curve.size() - 1)), "step " + step);
            assertEquals(book.equity().setScale(Metrics.SCALE, RoundingMode.HALF_EVEN), curve.equity(curve.size() - 1));
        }
        // a mark that is not an 8-decimal number falls back to the exact BigDecimal path
        book.mark(0, 0.1 + 0.2);
        book.appendEquity(curve, 5000);
        assertEquals(book.equity().setScale(Metrics.SCALE, RoundingMode.HALF_EVEN), curve.last());
    }

    private static void trade(Portfolio p, Book book, int sym, double close, int id, Random rnd) {
        String symbol = sym == 0 ? "BTC-USDT" : "ETH-USDT";
        BigDecimal price = Prices.exact(close);
        BigDecimal held = book.position(sym);
        Side side = held.signum() > 0 && rnd.nextBoolean() ? Side.SELL : Side.BUY;
        BigDecimal qty = side == Side.SELL ? held.min(new BigDecimal("0.00123457"))
                : new BigDecimal(BigDecimal.valueOf(1 + rnd.nextInt(90_000)).movePointLeft(8).toPlainString());
        BigDecimal fee = qty.multiply(price).movePointLeft(3).setScale(8, RoundingMode.CEILING);
        if (side == Side.BUY && qty.multiply(price).add(fee).compareTo(p.availableCash()) > 0) {
            return;
        }
        p.apply(new Fill("f" + id, "o" + id, symbol, side, qty, price, fee, Liquidity.TAKER, T));
        book.refresh(sym);
    }
}
