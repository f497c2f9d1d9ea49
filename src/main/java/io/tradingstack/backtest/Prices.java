package io.tradingstack.backtest;

import java.math.BigDecimal;

/**
 * Exact decimal of a candle price, equal to {@code BigDecimal.valueOf(double)} without going
 * through {@code Double.toString}. Below 1e7 doubles are spaced finer than 1e-8, so when an
 * 8-decimal value round-trips to the same double it is the double's shortest decimal; otherwise
 * the slow path is used.
 */
final class Prices {
    private static final double LIMIT = 1e7;
    private static final double E8 = 1e8;

    private Prices() {
    }

    static BigDecimal exact(double price) {
        if (price > 0 && price < LIMIT) {
            long units = Math.round(price * E8);
            if (units / E8 == price) {
                int scale = 8;
                while (scale > 0 && units % 10 == 0) {
                    units /= 10;
                    scale--;
                }
                return BigDecimal.valueOf(units, scale);
            }
        }
        return BigDecimal.valueOf(price);
    }
}
