package io.tradingstack.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a client wants to trade; compatible with the reference design's {@code place_mock_order}
 * intent. {@code price} is required for limit orders and optional (a sanity reference) for market
 * orders. Validation of symbol and funds happens in pre-trade checks; this only rejects what can
 * never be valid.
 */
public record OrderIntent(String symbol, Side side, BigDecimal qty, BigDecimal price, OrderType type,
                          String clientOrderId, TimeInForce timeInForce) {

    public OrderIntent {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        if (qty == null || qty.signum() <= 0) {
            throw new IllegalArgumentException("qty must be > 0");
        }
        if (price != null && price.signum() <= 0) {
            throw new IllegalArgumentException("price must be > 0");
        }
        if (type == OrderType.LIMIT && price == null) {
            throw new IllegalArgumentException("a limit order needs a price");
        }
        if (timeInForce == null) {
            timeInForce = TimeInForce.GTC;
        }
    }
}
