package io.tradingstack.ledger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What resting orders set aside, per order id: cash for buys, a quantity of one symbol for sells.
 * An order's fills consume its own hold; nothing else may use it.
 */
final class Holds {
    private record Qty(String symbol, BigDecimal qty) {
    }

    private final Map<String, BigDecimal> cash = new HashMap<>();
    private final Map<String, Qty> qty = new HashMap<>();

    void holdCash(String orderId, BigDecimal amount) {
        cash.put(orderId, amount);
    }

    void holdQty(String orderId, String symbol, BigDecimal amount) {
        qty.put(orderId, new Qty(symbol, amount));
    }

    void release(String orderId) {
        cash.remove(orderId);
        qty.remove(orderId);
    }

    BigDecimal cashOf(String orderId) {
        return cash.getOrDefault(orderId, BigDecimal.ZERO);
    }

    BigDecimal qtyOf(String orderId, String symbol) {
        Qty q = qty.get(orderId);
        return q != null && q.symbol().equals(symbol) ? q.qty() : BigDecimal.ZERO;
    }

    boolean holdsCash(String orderId) {
        return cash.containsKey(orderId);
    }

    BigDecimal totalCash() {
        if (cash.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return cash.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal totalQty(String symbol) {
        if (qty.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return qty.values().stream().filter(q -> q.symbol().equals(symbol)).map(Qty::qty)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A fill of the order used this much cash; the rest of the hold stays until released. */
    void useCash(String orderId, BigDecimal used) {
        BigDecimal left = cash.containsKey(orderId) ? cash.get(orderId).subtract(used) : null;
        if (left != null) {
            if (left.signum() <= 0) {
                cash.remove(orderId);
            } else {
                cash.put(orderId, left);
            }
        }
    }

    /** A fill of the order sold this much. */
    void useQty(String orderId, BigDecimal used) {
        Qty q = qty.get(orderId);
        if (q != null) {
            BigDecimal left = q.qty().subtract(used);
            if (left.signum() <= 0) {
                qty.remove(orderId);
            } else {
                qty.put(orderId, new Qty(q.symbol(), left));
            }
        }
    }
}
