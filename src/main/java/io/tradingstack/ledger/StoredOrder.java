package io.tradingstack.ledger;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderIntent;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as the ledger stores it (reply of the ORDER query, with its fills; the OPEN_ORDERS
 * query lists them without fills). {@code closeCode} says why an order was closed when it was
 * not by its fills (e.g. ORDER_CANCELLED_BY_RECOVERY).
 */
public record StoredOrder(String orderId, String clientOrderId, String symbol, Side side, OrderType type,
                          TimeInForce timeInForce, BigDecimal qty, BigDecimal limitPrice, BigDecimal filledQty,
                          OrderStatus status, ErrorCode closeCode, String closeReason, List<Fill> fills) {
    public StoredOrder {
        fills = fills == null ? List.of() : List.copyOf(fills);
    }

    /** The intent the order was placed with. */
    public OrderIntent intent() {
        return new OrderIntent(symbol, side, qty, limitPrice, type, clientOrderId, timeInForce);
    }

    public StoredOrder withFills(List<Fill> all) {
        return new StoredOrder(orderId, clientOrderId, symbol, side, type, timeInForce, qty, limitPrice, filledQty, status,
                closeCode, closeReason, all);
    }

    /** Reply of the OPEN_ORDERS query: the open and partially filled limit orders. */
    public record Open(List<StoredOrder> orders) {
        public Open {
            orders = List.copyOf(orders);
        }
    }
}
