package io.tradingstack.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status of an order. OPEN, PARTIALLY_FILLED, FILLED and CANCELLED are what the ledger stores
 * (orders.status); REJECTED (nothing written) and DUPLICATE (the client order id was seen before)
 * are outcomes of a placement that never become a stored order of their own.
 */
public enum OrderStatus {
    FILLED,
    PARTIALLY_FILLED,
    OPEN,
    CANCELLED,
    REJECTED,
    DUPLICATE;

    /** The statuses of an order that may still fill (and may hold funds). */
    public static final Set<OrderStatus> WORKING = EnumSet.of(OPEN, PARTIALLY_FILLED);

    public boolean working() {
        return WORKING.contains(this);
    }

    /** The status after {@code filled} of {@code qty} has filled: FILLED when nothing is left. */
    public static OrderStatus afterFills(boolean anyFill, boolean complete) {
        return complete ? FILLED : anyFill ? PARTIALLY_FILLED : OPEN;
    }

    /** A SQL list of the given statuses, e.g. {@code ('OPEN', 'PARTIALLY_FILLED')}, for queries on orders.status. */
    public static String sqlList(Set<OrderStatus> statuses) {
        return Arrays.stream(values()).filter(statuses::contains).map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
