package io.tradingstack.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a client wants to trade; compatible with the reference design's {@code place_mock_order}
 * intent. {@code price} is required for limit orders and optional (a sanity reference) for market
 * orders. {@code stopPrice} (optional) is the protective level the sender would exit at: the risk
 * gate caps the loss at that stop (max_position_risk_pct); no stop order is placed. Validation of
 * symbol, funds and limits happens in pre-trade checks; this only rejects what can never be valid.
 * {@code triggerId}/{@code triggerCategory} (optional) name the strategy-spec trigger an agent's
 * order comes from; the risk gate's execution caps read them.
 */
public record OrderIntent(String symbol, Side side, BigDecimal qty, BigDecimal price, OrderType type,
                          String clientOrderId, TimeInForce timeInForce, BigDecimal stopPrice,
                          String triggerId, String triggerCategory) {
    /** Longest client order id accepted (Coinbase allows a UUID; 64 leaves room for prefixes). */
    public static final int MAX_CLIENT_ORDER_ID = 64;
    /** Digits before the decimal point of a quantity or price; anything larger is not an order. */
    private static final int MAX_INTEGER_DIGITS = 15;

    public OrderIntent {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.length() > 32) {
            throw new IllegalArgumentException("symbol is longer than 32 characters");
        }
        checkClientOrderId(clientOrderId);
        checkMagnitude(qty, "qty");
        checkMagnitude(price, "price");
        checkMagnitude(stopPrice, "stop_price");
        if (stopPrice != null && stopPrice.signum() <= 0) {
            throw new IllegalArgumentException("stop_price must be > 0");
        }
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

    /** An intent no spec trigger asked for. */
    public OrderIntent(String symbol, Side side, BigDecimal qty, BigDecimal price, OrderType type, String clientOrderId,
                       TimeInForce timeInForce, BigDecimal stopPrice) {
        this(symbol, side, qty, price, type, clientOrderId, timeInForce, stopPrice, null, null);
    }

    /** An intent without a declared stop. */
    public OrderIntent(String symbol, Side side, BigDecimal qty, BigDecimal price, OrderType type, String clientOrderId,
                       TimeInForce timeInForce) {
        this(symbol, side, qty, price, type, clientOrderId, timeInForce, null, null, null);
    }

    /** Printable ASCII without spaces or control characters, 1 to 64 characters; null means none. */
    public static void checkClientOrderId(String id) {
        if (id == null) {
            return;
        }
        if (id.isEmpty() || id.length() > MAX_CLIENT_ORDER_ID) {
            throw new IllegalArgumentException("client_order_id must have 1 to " + MAX_CLIENT_ORDER_ID
                    + " characters, got " + id.length());
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("client_order_id must be printable ASCII without spaces; character "
                        + i + " is U+" + String.format("%04X", (int) c));
            }
        }
    }

    private static void checkMagnitude(BigDecimal v, String name) {
        if (v != null && v.precision() - v.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(name + " is larger than 10^" + MAX_INTEGER_DIGITS);
        }
    }
}
