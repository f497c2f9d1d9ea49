package io.tradingstack.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A validated market tick. Prices are exact decimals as the exchange sent them; {@code time} is
 * the exchange (or replay-shifted) time, {@code sourceTime} the original recorded time when
 * replaying (null live).
 */
public record Tick(String symbol, BigDecimal price, BigDecimal bid, BigDecimal ask, BigDecimal size,
                   Instant time, long seq, Long tradeId, Instant sourceTime) {

    public Tick {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
        requirePositive(price, "price");
        requirePositive(bid, "bid");
        requirePositive(ask, "ask");
        if (size == null || size.signum() < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        if (bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException("bid above ask");
        }
    }

    private static void requirePositive(BigDecimal v, String name) {
        if (v == null || v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }

    public BigDecimal mid() {
        return bid.add(ask).divide(BigDecimal.valueOf(2));
    }
}
