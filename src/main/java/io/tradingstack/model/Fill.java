package io.tradingstack.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An executed (paper) fill. {@code fillId} is the idempotency key of everything it causes: the
 * ledger posts a fill id at most once. {@code fee} is in the quote currency.
 */
public record Fill(String fillId, String orderId, String symbol, Side side, BigDecimal qty, BigDecimal price,
                   BigDecimal fee, Liquidity liquidity, Instant time) {

    public Fill {
        Objects.requireNonNull(fillId, "fillId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(time, "time");
        if (qty == null || qty.signum() <= 0) {
            throw new IllegalArgumentException("qty must be > 0");
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be > 0");
        }
        if (fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("fee must be >= 0");
        }
    }

    /** qty × price, exact. */
    public BigDecimal notional() {
        return qty.multiply(price);
    }
}
