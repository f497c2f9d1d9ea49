package io.tradingstack.ledger;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.OrderStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reconciliation at start, before the node takes work: every order that was in flight when the
 * previous process died is decided from what PostgreSQL committed. A fill is committed in the same
 * transaction as its order's status, so the rules are:
 * <ul>
 *   <li>fills cover the quantity: FILLED;</li>
 *   <li>a market order, or an IOC limit order, still open: its fill never committed (or its
 *       remainder was never cancelled), so it is CANCELLED with code ORDER_CANCELLED_BY_RECOVERY and
 *       its hold released (committed partial fills stay);</li>
 *   <li>a GTC limit order still open: it rests on (the execution component resumes its workflow).</li>
 * </ul>
 * Holds of orders that are no longer open are released. Each decision is one INFO line.
 */
final class Recovery {
    private static final String WORKING_SQL = OrderStatus.sqlList(OrderStatus.WORKING);
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** What recovery decided: counts per decision. */
    record Report(int filled, int cancelled, int resting, int releasedHolds) {
        io.vertx.core.json.JsonObject toJson() {
            return new io.vertx.core.json.JsonObject().put("filled", filled).put("cancelled", cancelled)
                    .put("resting", resting).put("releasedHolds", releasedHolds);
        }
    }

    private Recovery() {
    }

    static Future<Report> run(SqlConnection c) {
        return c.query("SELECT order_id, type, time_in_force, qty, filled_qty FROM orders"
                        + " WHERE status IN " + WORKING_SQL + " ORDER BY created_at FOR UPDATE").execute()
                .compose(rows -> {
                    List<Row> open = new ArrayList<>();
                    rows.forEach(open::add);
                    return decideAll(c, open);
                })
                .compose(counts -> c.query("DELETE FROM reservations r USING orders o WHERE o.order_id = r.order_id"
                                + " AND o.status NOT IN " + WORKING_SQL + " RETURNING r.order_id").execute()
                        .map(deleted -> {
                            deleted.forEach(r -> LOG.info("Recovery: released the hold of closed order {}", r.getString(0)));
                            return new Report(counts[0], counts[1], counts[2], deleted.rowCount());
                        }));
    }

    private static Future<int[]> decideAll(SqlConnection c, List<Row> open) {
        int[] counts = new int[3];
        Future<Void> chain = Future.succeededFuture();
        for (Row r : open) {
            chain = chain.compose(v -> decide(c, r, counts));
        }
        return chain.map(counts);
    }

    private static Future<Void> decide(SqlConnection c, Row r, int[] counts) {
        String id = r.getString("order_id");
        BigDecimal qty = r.getBigDecimal("qty");
        BigDecimal filled = r.getBigDecimal("filled_qty");
        if (filled.compareTo(qty) >= 0) {
            counts[0]++;
            LOG.info("Recovery: order {} FILLED (its fills, {} of {}, were committed)", id, filled.toPlainString(), qty.toPlainString());
            return close(c, id, OrderStatus.FILLED, null, null);
        }
        boolean rests = "LIMIT".equals(r.getString("type")) && "GTC".equals(r.getString("time_in_force"));
        if (rests) {
            counts[2]++;
            LOG.info("Recovery: order {} rests on (GTC limit, {} of {} filled); its workflow resumes", id,
                    filled.toPlainString(), qty.toPlainString());
            return Future.succeededFuture();
        }
        counts[1]++;
        String reason = filled.signum() == 0
                ? "in flight when the process stopped; no fill was committed"
                : "in flight when the process stopped; " + filled.toPlainString() + " of " + qty.toPlainString()
                + " filled, the rest cancelled";
        LOG.info("Recovery: order {} ({} {}) CANCELLED and its hold released: {}", id, r.getString("type"),
                r.getString("time_in_force"), reason);
        return close(c, id, OrderStatus.CANCELLED, ErrorCode.ORDER_CANCELLED_BY_RECOVERY, reason);
    }

    private static Future<Void> close(SqlConnection c, String orderId, OrderStatus status, ErrorCode code, String reason) {
        return c.preparedQuery("UPDATE orders SET status = $2, close_code = $3, close_reason = $4, updated_at = now()"
                        + " WHERE order_id = $1")
                .execute(Tuple.of(orderId, status.name(), code == null ? null : code.name(), reason)).mapEmpty();
    }
}
