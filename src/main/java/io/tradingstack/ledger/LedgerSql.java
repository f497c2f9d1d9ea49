package io.tradingstack.ledger;

import io.tradingstack.model.Fill;
import io.tradingstack.model.OrderStatus;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The ledger's write statements; every call runs inside the caller's transaction. */
final class LedgerSql {
    private LedgerSql() {
    }

    static OffsetDateTime ts(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static String kindOf(String account) {
        if (account.startsWith("exchange:")) {
            return "counterparty";
        }
        return switch (account) {
            case Accounts.FEES -> "expense";
            case Accounts.REALIZED_PNL -> "income";
            case Accounts.FUNDING -> "equity";
            default -> "asset";
        };
    }

    /** Inserts the entry, its accounts (if new) and postings; returns the entry id. */
    static Future<Long> insertEntry(SqlConnection c, JournalEntry entry, String kind) {
        Set<Tuple> accounts = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Posting p : entry.postings()) {
            if (seen.add(p.account() + "|" + p.currency())) {
                accounts.add(Tuple.of(p.account(), p.currency(), kindOf(p.account())));
            }
        }
        return c.preparedQuery("INSERT INTO ledger_accounts (name, currency, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .executeBatch(new ArrayList<>(accounts))
                .compose(v -> c.preparedQuery("INSERT INTO journal_entries (idempotency_key, kind, occurred_at, description)"
                                + " VALUES ($1, $2, $3, $4) RETURNING id")
                        .execute(Tuple.of(entry.idempotencyKey(), kind, ts(entry.time()), entry.description())))
                .compose(rows -> {
                    long id = rows.iterator().next().getLong("id");
                    List<Tuple> postings = entry.postings().stream()
                            .map(p -> Tuple.of(id, p.account(), p.currency(), p.debit(), p.credit())).toList();
                    return c.preparedQuery("INSERT INTO postings (entry_id, account, currency, debit, credit)"
                                    + " VALUES ($1, $2, $3, $4, $5)")
                            .executeBatch(postings).map(id);
                });
    }

    /**
     * Inserts many entries with a handful of pipelined statements: ids are drawn from the sequence
     * first so postings can reference them without a round trip per entry. Returns the ids in order.
     */
    static Future<long[]> insertEntries(SqlConnection c, List<JournalEntry> entries, String kind) {
        return c.preparedQuery("SELECT nextval(pg_get_serial_sequence('journal_entries', 'id')) AS id"
                        + " FROM generate_series(1, $1)")
                .execute(Tuple.of(entries.size()))
                .compose(rows -> {
                    long[] ids = new long[entries.size()];
                    int i = 0;
                    for (Row r : rows) {
                        ids[i++] = r.getLong("id");
                    }
                    java.util.Arrays.sort(ids);
                    List<Tuple> accounts = new ArrayList<>();
                    Set<String> seen = new LinkedHashSet<>();
                    List<Tuple> heads = new ArrayList<>();
                    List<Tuple> lines = new ArrayList<>();
                    for (int k = 0; k < entries.size(); k++) {
                        JournalEntry e = entries.get(k);
                        heads.add(Tuple.of(ids[k], e.idempotencyKey(), kind, ts(e.time()), e.description()));
                        for (Posting p : e.postings()) {
                            if (seen.add(p.account() + "|" + p.currency())) {
                                accounts.add(Tuple.of(p.account(), p.currency(), kindOf(p.account())));
                            }
                            lines.add(Tuple.of(ids[k], p.account(), p.currency(), p.debit(), p.credit()));
                        }
                    }
                    return c.preparedQuery("INSERT INTO ledger_accounts (name, currency, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                            .executeBatch(accounts)
                            .compose(v -> c.preparedQuery("INSERT INTO journal_entries (id, idempotency_key, kind, occurred_at, description)"
                                    + " VALUES ($1, $2, $3, $4, $5)").executeBatch(heads))
                            .compose(v -> c.preparedQuery("INSERT INTO postings (entry_id, account, currency, debit, credit)"
                                    + " VALUES ($1, $2, $3, $4, $5)").executeBatch(lines))
                            .map(ids);
                });
    }

    static Future<Void> insertFills(SqlConnection c, List<Fill> fills, long[] entryIds, List<BigDecimal> realizedPnl) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            rows.add(Tuple.from(new Object[]{f.fillId(), f.orderId(), entryIds[i], f.symbol(), f.side().name(), f.qty(),
                    f.price(), f.fee(), f.liquidity().name(), ts(f.time()), realizedPnl.get(i)}));
        }
        return c.preparedQuery("INSERT INTO fills (fill_id, order_id, entry_id, symbol, side, qty, price, fee, liquidity,"
                        + " occurred_at, realized_pnl) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .executeBatch(rows).mapEmpty();
    }

    static Future<Void> insertFill(SqlConnection c, Fill f, long entryId, BigDecimal realizedPnl) {
        return c.preparedQuery("INSERT INTO fills (fill_id, order_id, entry_id, symbol, side, qty, price, fee, liquidity,"
                        + " occurred_at, realized_pnl) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .execute(Tuple.from(new Object[]{f.fillId(), f.orderId(), entryId, f.symbol(), f.side().name(), f.qty(),
                        f.price(), f.fee(), f.liquidity().name(), ts(f.time()), realizedPnl}))
                .mapEmpty();
    }

    /**
     * Adds a fill to its order (if the order is known) and consumes its reservation the way
     * {@link Portfolio} consumes holds; returns the order's new status or null.
     */
    static Future<OrderStatus> advanceOrder(SqlConnection c, Fill f, BigDecimal cashOut) {
        if (f.orderId() == null) {
            return Future.succeededFuture(null);
        }
        return c.preparedQuery("UPDATE orders SET filled_qty = filled_qty + $2, updated_at = now(),"
                        + " status = CASE WHEN filled_qty + $2 >= qty THEN $3 ELSE $4 END"
                        + " WHERE order_id = $1 RETURNING status")
                .execute(Tuple.of(f.orderId(), f.qty(), OrderStatus.FILLED.name(), OrderStatus.PARTIALLY_FILLED.name()))
                .compose(rows -> {
                    if (rows.rowCount() == 0) {
                        return Future.succeededFuture(null);
                    }
                    OrderStatus status = OrderStatus.valueOf(rows.iterator().next().getString("status"));
                    String sql = status == OrderStatus.FILLED ? "DELETE FROM reservations WHERE order_id = $1"
                            : "UPDATE reservations SET cash = GREATEST(cash - $2, 0), qty = GREATEST(qty - $3, 0) WHERE order_id = $1";
                    Tuple args = status == OrderStatus.FILLED ? Tuple.of(f.orderId())
                            : Tuple.of(f.orderId(), cashOut, f.side() == io.tradingstack.model.Side.SELL ? f.qty() : BigDecimal.ZERO);
                    return c.preparedQuery(sql).execute(args).map(status);
                });
    }

    static Future<Void> insertOrders(SqlConnection c, List<OrderRequest> orders) {
        List<Tuple> rows = orders.stream().map(o -> Tuple.from(new Object[]{o.orderId(), o.clientOrderId(), o.symbol(),
                o.side().name(), o.type().name(), o.timeInForce().name(), o.qty(), o.limitPrice(), o.requestId(),
                OrderStatus.OPEN.name()})).toList();
        List<Tuple> holds = orders.stream().map(o -> Tuple.of(o.orderId(), o.symbol(),
                o.holdCash() == null ? BigDecimal.ZERO : o.holdCash(), o.holdQty() == null ? BigDecimal.ZERO : o.holdQty())).toList();
        return c.preparedQuery("INSERT INTO orders (order_id, client_order_id, symbol, side, type, time_in_force, qty,"
                        + " limit_price, request_id, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .executeBatch(rows)
                .compose(v -> c.preparedQuery("INSERT INTO reservations (order_id, symbol, cash, qty) VALUES ($1, $2, $3, $4)")
                        .executeBatch(holds))
                .mapEmpty();
    }

    /** Closes an open order; a closed one keeps its status. Returns the final status. */
    static Future<OrderStatus> closeOrder(SqlConnection c, String orderId, OrderStatus status) {
        return c.preparedQuery("UPDATE orders SET status = $2, updated_at = now() WHERE order_id = $1"
                        + " AND status IN " + OrderStatus.sqlList(OrderStatus.WORKING))
                .execute(Tuple.of(orderId, status.name()))
                .compose(v -> c.preparedQuery("DELETE FROM reservations WHERE order_id = $1").execute(Tuple.of(orderId)))
                .compose(v -> c.preparedQuery("SELECT status FROM orders WHERE order_id = $1").execute(Tuple.of(orderId)))
                .map(rows -> {
                    Row r = rows.size() == 0 ? null : rows.iterator().next();
                    return r == null ? null : OrderStatus.valueOf(r.getString("status"));
                });
    }
}
