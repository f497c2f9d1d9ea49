package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.OrderStatus;
import io.tradingstack.model.OrderType;
import io.tradingstack.model.Side;
import io.tradingstack.model.TimeInForce;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read statements of the ledger: rebuilding the book, fills, orders and the equity curve. */
public final class LedgerQueries {
    private static final String WORKING_SQL = OrderStatus.sqlList(OrderStatus.WORKING);
    private final Pool pool;

    public LedgerQueries(Pool pool) {
        this.pool = pool;
    }

    /** The book rebuilt from every committed entry, plus open reservations. */
    public record Loaded(Portfolio book, long lastEntryId) {
    }

    public Future<Loaded> loadJournal(String quote, BigDecimal scrapeFraction) {
        String sql = "SELECT e.id, e.idempotency_key, e.occurred_at, e.description, p.account, p.currency, p.debit, p.credit"
                + " FROM journal_entries e JOIN postings p ON p.entry_id = e.id ORDER BY e.id, p.id";
        return pool.query(sql).execute().compose(rows -> {
            Portfolio book = new Portfolio(quote, scrapeFraction);
            long last = 0;
            List<Posting> postings = new ArrayList<>();
            Row head = null;
            for (Row r : rows) {
                if (head != null && head.getLong("id") != r.getLong("id").longValue()) {
                    book.restore(entryOf(head, postings));
                    postings = new ArrayList<>();
                }
                head = r;
                postings.add(new Posting(r.getString("account"), r.getString("currency"),
                        r.getBigDecimal("debit"), r.getBigDecimal("credit")));
                last = r.getLong("id");
            }
            if (head != null) {
                book.restore(entryOf(head, postings));
            }
            long lastId = last;
            return pool.query("SELECT order_id, symbol, cash, qty FROM reservations").execute().map(res -> {
                for (Row r : res) {
                    if (r.getBigDecimal("cash").signum() > 0) {
                        book.holdCash(r.getString("order_id"), r.getBigDecimal("cash"));
                    }
                    if (r.getBigDecimal("qty").signum() > 0) {
                        book.holdQty(r.getString("order_id"), r.getString("symbol"), r.getBigDecimal("qty"));
                    }
                }
                return new Loaded(book, lastId);
            });
        });
    }

    private static JournalEntry entryOf(Row r, List<Posting> postings) {
        return new JournalEntry(r.getString("idempotency_key"), r.getOffsetDateTime("occurred_at").toInstant(),
                r.getString("description"), postings);
    }

    public Future<PostedFill> postedFill(String fillId, boolean duplicate) {
        return pool.preparedQuery("SELECT f.*, o.status AS order_status FROM fills f LEFT JOIN orders o"
                        + " ON o.order_id = f.order_id WHERE f.fill_id = $1")
                .execute(Tuple.of(fillId))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(new CodedException(ErrorCode.LEDGER_STORAGE, "fill " + fillId + " not found"))
                        : Future.succeededFuture(postedOf(rows.iterator().next(), duplicate)));
    }

    private static PostedFill postedOf(Row r, boolean duplicate) {
        return new PostedFill(fillOf(r), r.getLong("entry_id"), duplicate, r.getBigDecimal("realized_pnl"),
                r.getString("order_status") == null ? null : OrderStatus.valueOf(r.getString("order_status")));
    }

    static Fill fillOf(Row r) {
        return new Fill(r.getString("fill_id"), r.getString("order_id"), r.getString("symbol"),
                Side.valueOf(r.getString("side")), r.getBigDecimal("qty"), r.getBigDecimal("price"),
                r.getBigDecimal("fee"), Liquidity.valueOf(r.getString("liquidity")),
                r.getOffsetDateTime("occurred_at").toInstant());
    }

    /** An order already recorded: its id and the request that created it. */
    public record Existing(String orderId, String requestId, boolean open) {
    }

    /** Known orders among the requests: by order id, and by {@code client:<id>} for client order ids. */
    public Future<Map<String, Existing>> existingOrders(List<OrderRequest> requests) {
        String[] ids = requests.stream().map(OrderRequest::orderId).toArray(String[]::new);
        String[] clients = requests.stream().map(OrderRequest::clientOrderId).filter(x -> x != null).toArray(String[]::new);
        return pool.preparedQuery("SELECT order_id, client_order_id, request_id, status FROM orders WHERE order_id = ANY($1)"
                        + " OR client_order_id = ANY($2)")
                .execute(Tuple.tuple().addArrayOfString(ids).addArrayOfString(clients))
                .map(rows -> {
                    Map<String, Existing> out = new HashMap<>();
                    for (Row r : rows) {
                        Existing e = new Existing(r.getString("order_id"), r.getString("request_id"),
                                OrderStatus.valueOf(r.getString("status")).working());
                        out.put(e.orderId(), e);
                        if (r.getString("client_order_id") != null) {
                            out.put("client:" + r.getString("client_order_id"), e);
                        }
                    }
                    return out;
                });
    }

    /**
     * What each known order still wants: its unfilled quantity when open, null when closed. Orders
     * not in the table are absent (fills without a recorded order are not checked against one).
     */
    public Future<Map<String, BigDecimal>> openQuantities(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Future.succeededFuture(new HashMap<>());
        }
        return pool.preparedQuery("SELECT order_id, status, qty - filled_qty AS left_qty FROM orders WHERE order_id = ANY($1)")
                .execute(Tuple.tuple().addArrayOfString(orderIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, BigDecimal> out = new HashMap<>();
                    for (Row r : rows) {
                        boolean open = OrderStatus.valueOf(r.getString("status")).working();
                        out.put(r.getString("order_id"), open ? r.getBigDecimal("left_qty") : null);
                    }
                    return out;
                });
    }

    /** Fills (newest first) since a time, optionally of one symbol, at most {@code limit}. */
    public Future<List<PostedFill>> history(Instant since, int limit, String symbol) {
        return pool.preparedQuery("SELECT f.*, o.status AS order_status FROM fills f LEFT JOIN orders o ON o.order_id = f.order_id"
                        + " WHERE f.occurred_at >= $1 AND ($2::text IS NULL OR f.symbol = $2)"
                        + " ORDER BY f.occurred_at DESC, f.entry_id DESC LIMIT $3")
                .execute(Tuple.of(LedgerSql.ts(since == null ? Instant.EPOCH : since), symbol, limit))
                .map(rows -> {
                    List<PostedFill> out = new ArrayList<>();
                    rows.forEach(r -> out.add(postedOf(r, false)));
                    return out;
                });
    }

    /** Fills strictly after an entry id, oldest first (the workflow's incremental refresh). */
    public Future<List<PostedFill>> fillsAfter(long entryId, int limit) {
        return pool.preparedQuery("SELECT * FROM (SELECT f.*, o.status AS order_status FROM fills f LEFT JOIN orders o"
                        + " ON o.order_id = f.order_id WHERE f.entry_id > $1 ORDER BY f.entry_id DESC LIMIT $2) x ORDER BY entry_id")
                .execute(Tuple.of(entryId, limit))
                .map(rows -> {
                    List<PostedFill> out = new ArrayList<>();
                    rows.forEach(r -> out.add(postedOf(r, false)));
                    return out;
                });
    }

    /** The fills of one order, oldest first. */
    public Future<List<Fill>> fillsOfOrder(String orderId) {
        return pool.preparedQuery("SELECT * FROM fills WHERE order_id = $1 ORDER BY entry_id")
                .execute(Tuple.of(orderId))
                .map(rows -> {
                    List<Fill> out = new ArrayList<>();
                    rows.forEach(r -> out.add(fillOf(r)));
                    return out;
                });
    }

    /** Open and partially filled limit orders, for the resting-order watcher. */
    public Future<List<StoredOrder>> openLimitOrders() {
        return pool.query(ORDER_COLUMNS + " WHERE type = 'LIMIT' AND status IN " + WORKING_SQL + " ORDER BY created_at").execute()
                .map(rows -> {
                    List<StoredOrder> out = new ArrayList<>();
                    rows.forEach(r -> out.add(orderOf(r)));
                    return out;
                });
    }

    /** One order (without its fills), or null. */
    public Future<StoredOrder> order(String orderId) {
        return pool.preparedQuery(ORDER_COLUMNS + " WHERE order_id = $1")
                .execute(Tuple.of(orderId))
                .map(rows -> rows.size() == 0 ? null : orderOf(rows.iterator().next()));
    }

    private static final String ORDER_COLUMNS = "SELECT order_id, client_order_id, symbol, side, type, time_in_force, qty,"
            + " limit_price, filled_qty, status, close_code, close_reason FROM orders";

    private static StoredOrder orderOf(Row r) {
        return new StoredOrder(r.getString("order_id"), r.getString("client_order_id"), r.getString("symbol"),
                Side.valueOf(r.getString("side")), OrderType.valueOf(r.getString("type")),
                TimeInForce.valueOf(r.getString("time_in_force")), r.getBigDecimal("qty"), r.getBigDecimal("limit_price"),
                r.getBigDecimal("filled_qty"), OrderStatus.valueOf(r.getString("status")),
                r.getString("close_code") == null ? null : ErrorCode.ofName(r.getString("close_code")),
                r.getString("close_reason"), List.of());
    }

    /** Net realized profit (realized PnL minus the sell fee) of every sell fill in a window, oldest first. */
    public Future<List<TradeResult>> tradeResults(Instant since) {
        return pool.preparedQuery("SELECT occurred_at, realized_pnl - fee AS net FROM fills WHERE side = 'SELL' AND occurred_at >= $1"
                        + " ORDER BY occurred_at, entry_id")
                .execute(Tuple.of(LedgerSql.ts(since == null ? Instant.EPOCH : since)))
                .map(rows -> {
                    List<TradeResult> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new TradeResult(r.getOffsetDateTime("occurred_at").toInstant(), r.getBigDecimal("net"))));
                    return out;
                });
    }

    public Future<Void> insertSample(EquitySample s) {
        return pool.preparedQuery("INSERT INTO equity_samples (sampled_at, equity, cash, reserve, exposure)"
                        + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sampled_at) DO NOTHING")
                .execute(Tuple.of(LedgerSql.ts(s.time()), s.equity(), s.cash(), s.reserve(), s.exposure()))
                .mapEmpty();
    }

    /** Equity samples since a time, oldest first. */
    public Future<List<EquitySample>> equityCurve(Instant since) {
        return pool.preparedQuery("SELECT * FROM equity_samples WHERE sampled_at >= $1 ORDER BY sampled_at")
                .execute(Tuple.of(LedgerSql.ts(since == null ? Instant.EPOCH : since)))
                .map(rows -> {
                    List<EquitySample> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new EquitySample(r.getOffsetDateTime("sampled_at").toInstant(),
                            r.getBigDecimal("equity"), r.getBigDecimal("cash"), r.getBigDecimal("reserve"),
                            r.getBigDecimal("exposure"))));
                    return out;
                });
    }
}
