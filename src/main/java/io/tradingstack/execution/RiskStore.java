package io.tradingstack.execution;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.model.Side;
import io.tradingstack.risk.BlockReason;
import io.tradingstack.risk.Direction;
import io.tradingstack.risk.LimitEnforcement;
import io.tradingstack.risk.LimitHint;
import io.tradingstack.risk.RiskAdjustment;
import io.tradingstack.risk.RiskDay;
import io.tradingstack.risk.RiskDecision;
import io.tradingstack.risk.TradeRequest;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The live risk gate's tables (V65): the day's anchor, every decision on an order, and the stored
 * risk adjustments. Decisions are written before the ledger is asked (PENDING) and settled after,
 * so a restart counts an order that may have been admitted rather than forget it.
 */
public final class RiskStore {
    private final Pool pool;

    public RiskStore(Pool pool) {
        this.pool = pool;
    }

    /** The stored state of a day (anchor, counted trades, budget used), or null when the gate never decided that day. */
    public Future<RiskDay> day(LocalDate day) {
        return storage(pool.preparedQuery("SELECT d.anchor, (SELECT count(*) FROM risk_decisions r WHERE r.day = d.day AND r.counts"
                        + " AND r.status IN ('PENDING', 'APPROVED')) AS trades, (SELECT coalesce(sum(budget), 0) FROM risk_decisions r"
                        + " WHERE r.day = d.day AND r.status IN ('PENDING', 'APPROVED')) AS budget FROM risk_days d WHERE d.day = $1")
                .execute(Tuple.of(day)).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(null);
                    }
                    Row r = rows.iterator().next();
                    return symbolEntries(day).map(entries -> new RiskDay(day, r.getBigDecimal("anchor"), r.getLong("trades").intValue(),
                            r.getBigDecimal("budget"), entries));
                }));
    }

    /** The day's counted entries per symbol (for the execution caps' per-symbol limits). */
    private Future<Map<String, Integer>> symbolEntries(LocalDate day) {
        return pool.preparedQuery("SELECT symbol, count(*) AS n FROM risk_decisions WHERE day = $1 AND counts AND direction <> 'exit'"
                + " AND status IN ('PENDING', 'APPROVED') GROUP BY symbol").execute(Tuple.of(day)).map(rows -> {
                    Map<String, Integer> out = new HashMap<>();
                    rows.forEach(x -> out.put(x.getString("symbol"), x.getLong("n").intValue()));
                    return out;
                });
    }

    /** Anchors a day at {@code equity} unless it already has an anchor; answers the day as stored. */
    public Future<RiskDay> anchor(LocalDate day, BigDecimal equity, Instant at) {
        return storage(pool.preparedQuery("INSERT INTO risk_days (day, anchor, anchored_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(day, equity, utc(at)))).compose(v -> day(day));
    }

    /** Which of these orders the gate already admitted (or may have: PENDING), with that status. */
    public Future<Map<String, RiskRecord.Status>> admitted(List<String> orderIds) {
        return storage(pool.preparedQuery("SELECT order_id, status FROM risk_decisions WHERE order_id = ANY($1) AND status IN "
                + "('PENDING', 'APPROVED')").execute(Tuple.of(orderIds.toArray(String[]::new))).map(rows -> {
                    Map<String, RiskRecord.Status> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getString("order_id"), RiskRecord.Status.valueOf(r.getString("status"))));
                    return out;
                }));
    }

    public Future<Void> insert(List<RiskRecord> records, Instant at) {
        if (records.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = new ArrayList<>();
        for (RiskRecord r : records) {
            TradeRequest q = r.request();
            RiskDecision d = r.decision();
            rows.add(Tuple.from(new Object[]{r.day(), utc(at), r.orderId(), r.requestId(), q.symbol(), q.side().name(),
                    q.direction().key(), q.emergency(), q.price(), r.qty(), q.stopDistance(), d.qty(), r.status().name(),
                    d.reason() == null ? null : d.reason().key(), r.code() == null ? null : r.code().name(),
                    d.approved() ? d.limitDetail() : d.detail(), hints(d.hints()), r.multiplier(), r.counts(), r.budget()}));
        }
        return storage(pool.preparedQuery("INSERT INTO risk_decisions (day, ts, order_id, request_id, symbol, side, direction, emergency,"
                + " price, qty, stop_distance, approved_qty, status, reason, code, detail, hints, multiplier, counts, budget)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)")
                .executeBatch(rows).mapEmpty());
    }

    /** Settles PENDING decisions: APPROVED once the ledger holds the order, else VOIDED with the ledger's code and why. */
    public Future<Void> settle(Map<String, Settlement> outcomes) {
        if (outcomes.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = new ArrayList<>();
        outcomes.forEach((orderId, s) -> rows.add(Tuple.of(orderId, s.status().name(), s.code() == null ? null : s.code().name(),
                s.detail())));
        return storage(pool.preparedQuery("UPDATE risk_decisions SET status = $2, code = coalesce($3, code), "
                + "detail = coalesce($4, detail) WHERE order_id = $1 AND status = 'PENDING'").executeBatch(rows).mapEmpty());
    }

    /** The settled outcome of a PENDING decision. */
    public record Settlement(RiskRecord.Status status, ErrorCode code, String detail) {
    }

    /** A day's decisions, oldest first: the ones that reached the engine's verdict (approved or blocked) and the voided ones. */
    public Future<DayDecisions> decisions(LocalDate day) {
        return storage(pool.preparedQuery("SELECT * FROM risk_decisions WHERE day = $1 ORDER BY id").execute(Tuple.of(day))
                .map(rows -> {
                    List<LimitEnforcement.Recorded> decided = new ArrayList<>();
                    List<Map<String, Object>> voided = new ArrayList<>();
                    for (Row r : rows) {
                        TradeRequest q = request(r);
                        String status = r.getString("status");
                        if ("VOIDED".equals(status)) {
                            voided.add(voided(r));
                        } else {
                            decided.add(new LimitEnforcement.Recorded(q, decision(r, status)));
                        }
                    }
                    return new DayDecisions(day, decided, voided);
                }));
    }

    /** What {@link #decisions} reads back for one day. */
    public record DayDecisions(LocalDate day, List<LimitEnforcement.Recorded> decided, List<Map<String, Object>> voided) {
    }

    private static TradeRequest request(Row r) {
        return new TradeRequest(r.getOffsetDateTime("ts").toInstant(), r.getString("symbol"), Side.valueOf(r.getString("side")),
                Direction.parse(r.getString("direction")), r.getBigDecimal("price"), r.getBigDecimal("qty"),
                r.getBigDecimal("stop_distance"), r.getBoolean("emergency"));
    }

    private static RiskDecision decision(Row r, String status) {
        if ("BLOCKED".equals(status)) {
            BlockReason reason = reason(r.getString("reason"));
            return RiskDecision.block(reason, r.getString("detail"));
        }
        List<LimitHint> hints = new ArrayList<>();
        Object raw = r.getValue("hints");
        JsonArray array = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
        for (Object o : array) {
            JsonObject h = (JsonObject) o;
            hints.add(new LimitHint(h.getString("limit"), new BigDecimal(h.getValue("used").toString()),
                    new BigDecimal(h.getValue("cap").toString()), h.getString("unit")));
        }
        return RiskDecision.approve(r.getBigDecimal("approved_qty"), hints);
    }

    private static Map<String, Object> voided(Row r) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("time", r.getOffsetDateTime("ts").toInstant().toString());
        m.put("order_id", r.getString("order_id"));
        m.put("symbol", r.getString("symbol"));
        m.put("side", r.getString("side").toLowerCase(java.util.Locale.ROOT));
        m.put("qty", r.getBigDecimal("qty"));
        m.put("code", r.getString("code"));
        m.put("detail", r.getString("detail"));
        return m;
    }

    private static BlockReason reason(String key) {
        for (BlockReason b : BlockReason.values()) {
            if (b.key().equals(key)) {
                return b;
            }
        }
        throw new CodedException(ErrorCode.RISK_STORAGE, "stored block reason '" + key + "' is not known");
    }

    private static JsonArray hints(List<LimitHint> hints) {
        JsonArray a = new JsonArray();
        for (LimitHint h : hints) {
            a.add(new JsonObject().put("limit", h.limit()).put("used", h.used().toPlainString())
                    .put("cap", h.cap().toPlainString()).put("unit", h.unit()));
        }
        return a;
    }

    // ---- adjustments

    private static final String ADJ_COLUMNS = "id, scope, symbol, multiplier, requested, reason, author, created_at, expires_at, "
            + "until_winning_days, revoked_at, revoked_reason";

    /** Stores an adjustment; a repeated idempotency key answers the adjustment stored the first time. */
    public Future<RiskAdjustment> add(RiskAdjustment a, String idempotencyKey) {
        return storage(pool.preparedQuery("INSERT INTO risk_adjustments (scope, symbol, multiplier, requested, reason, author, created_at,"
                        + " expires_at, until_winning_days, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + ADJ_COLUMNS)
                .execute(Tuple.from(new Object[]{a.scope().name(), a.symbol(), a.multiplier(), a.requested(), a.reason(), a.author(),
                        utc(a.createdAt()), a.expiresAt() == null ? null : utc(a.expiresAt()), a.untilWinningDays(), idempotencyKey}))
                .compose(rows -> rows.size() > 0 ? Future.succeededFuture(adjustment(rows.iterator().next()))
                        : pool.preparedQuery("SELECT " + ADJ_COLUMNS + " FROM risk_adjustments WHERE idempotency_key = $1")
                        .execute(Tuple.of(idempotencyKey)).map(r -> adjustment(r.iterator().next()))));
    }

    /** Revokes an adjustment (no effect on one already revoked); null when there is no such adjustment. */
    public Future<RiskAdjustment> revoke(long id, String reason, Instant at) {
        return storage(pool.preparedQuery("UPDATE risk_adjustments SET revoked_at = coalesce(revoked_at, $2), "
                        + "revoked_reason = coalesce(revoked_reason, $3) WHERE id = $1 RETURNING " + ADJ_COLUMNS)
                .execute(Tuple.of(id, utc(at), reason)).map(rows -> rows.size() == 0 ? null : adjustment(rows.iterator().next())));
    }

    /** Every stored adjustment, newest first, at most {@code limit}. */
    public Future<List<RiskAdjustment>> adjustments(int limit) {
        return storage(pool.preparedQuery("SELECT " + ADJ_COLUMNS + " FROM risk_adjustments ORDER BY id DESC LIMIT $1")
                .execute(Tuple.of(limit)).map(rows -> {
                    List<RiskAdjustment> out = new ArrayList<>();
                    rows.forEach(r -> out.add(adjustment(r)));
                    return out;
                }));
    }

    /** Adjustments that may still be in force at {@code at} (not revoked, not expired). */
    public Future<List<RiskAdjustment>> current(Instant at) {
        return storage(pool.preparedQuery("SELECT " + ADJ_COLUMNS + " FROM risk_adjustments WHERE revoked_at IS NULL AND "
                        + "(expires_at IS NULL OR expires_at > $1) ORDER BY id").execute(Tuple.of(utc(at))).map(rows -> {
                    List<RiskAdjustment> out = new ArrayList<>();
                    rows.forEach(r -> out.add(adjustment(r)));
                    return out;
                }));
    }

    private static RiskAdjustment adjustment(Row r) {
        return new RiskAdjustment(r.getLong("id"), RiskAdjustment.Scope.valueOf(r.getString("scope")), r.getString("symbol"),
                r.getBigDecimal("multiplier"), r.getBigDecimal("requested"), r.getString("reason"), r.getString("author"),
                instant(r, "created_at"), instant(r, "expires_at"), r.getInteger("until_winning_days"), instant(r, "revoked_at"),
                r.getString("revoked_reason"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static <T> Future<T> storage(Future<T> f) {
        return f.recover(err -> Future.failedFuture(SqlFailures.coded(err, ErrorCode.RISK_STORAGE)));
    }

    static String json(Object o) {
        return Json.write(o);
    }
}
