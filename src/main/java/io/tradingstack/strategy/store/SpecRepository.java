package io.tradingstack.strategy.store;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.SqlFailures;
import io.tradingstack.strategy.spec.StrategySpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The strategy_specs table (V50). Saves are keyed by the spec's content: saving the same spec again
 * (a retried activity, a re-submitted spec) makes that stored version active instead of adding one.
 * Every save runs in one transaction under an advisory lock, so versions never race.
 */
public final class SpecRepository {
    private static final long LOCK_KEY = 0x5354524154L;
    private static final String COLUMNS = "row_id, market, timeframe, version, spec_id, spec::text AS spec, author, created_at, "
            + "stored_at, active";
    private final Pool pool;

    public SpecRepository(Pool pool) {
        this.pool = pool;
    }

    /** Stores a validated spec as the active one of its market and timeframe. */
    public Future<StoredSpec> save(StrategySpec spec, Instant now) {
        String hash = contentHash(spec);
        return storage(pool.withTransaction(c -> c.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
                .compose(v -> conflictingId(c, spec))
                .compose(v -> c.preparedQuery("SELECT " + COLUMNS + " FROM strategy_specs WHERE market = $1 AND timeframe = $2 "
                        + "AND content_hash = $3").execute(Tuple.of(spec.market(), spec.timeframe(), hash)))
                .compose(found -> found.size() > 0 ? reactivate(c, row(found.iterator().next(), true)) : insert(c, spec, hash, now))));
    }

    private static Future<Void> conflictingId(SqlConnection c, StrategySpec spec) {
        return c.preparedQuery("SELECT market, timeframe FROM strategy_specs WHERE spec_id = $1 AND (market <> $2 OR timeframe <> $3) "
                + "LIMIT 1").execute(Tuple.of(spec.id(), spec.market(), spec.timeframe())).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture();
                    }
                    Row r = rows.iterator().next();
                    return Future.failedFuture(new CodedException(ErrorCode.STRATEGY_SPEC_CONFLICT, "spec id '" + spec.id()
                            + "' already names the spec of " + r.getString("market") + ":" + r.getString("timeframe")));
                });
    }

    private static Future<StoredSpec> reactivate(SqlConnection c, StoredSpec found) {
        return deactivate(c, found.market(), found.timeframe())
                .compose(v -> c.preparedQuery("UPDATE strategy_specs SET active = true WHERE row_id = $1").execute(Tuple.of(found.rowId())))
                .map(v -> new StoredSpec(found.rowId(), found.market(), found.timeframe(), found.version(), found.specId(),
                        found.author(), found.createdAt(), found.storedAt(), true, true, found.spec()));
    }

    private static Future<StoredSpec> insert(SqlConnection c, StrategySpec spec, String hash, Instant now) {
        return c.preparedQuery("SELECT coalesce(max(version), 0) AS v FROM strategy_specs WHERE market = $1 AND timeframe = $2")
                .execute(Tuple.of(spec.market(), spec.timeframe())).compose(rows -> {
                    int max = rows.iterator().next().getInteger("v");
                    if (spec.version() != null && spec.version() <= max) {
                        return Future.failedFuture(new CodedException(ErrorCode.STRATEGY_SPEC_CONFLICT, "version " + spec.version()
                                + " of " + spec.key() + " is taken by another spec (latest is " + max + "); omit version to get "
                                + (max + 1)));
                    }
                    StrategySpec stored = spec.withVersion(spec.version() != null ? spec.version() : max + 1, now);
                    return deactivate(c, spec.market(), spec.timeframe()).compose(v -> c.preparedQuery(
                                    "INSERT INTO strategy_specs (market, timeframe, version, spec_id, spec, content_hash, author, "
                                            + "created_at, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true) RETURNING " + COLUMNS)
                            .execute(Tuple.from(new Object[]{stored.market(), stored.timeframe(), stored.version(), stored.id(),
                                    new JsonObject(Json.write(stored)), hash, stored.author().key(), utc(stored.createdAt())})))
                            .map(r -> row(r.iterator().next(), false));
                });
    }

    private static Future<RowSet<Row>> deactivate(SqlConnection c, String market, String timeframe) {
        return c.preparedQuery("UPDATE strategy_specs SET active = false WHERE market = $1 AND timeframe = $2 AND active")
                .execute(Tuple.of(market, timeframe));
    }

    /** Deactivates the spec of a market and timeframe; true when there was one. History is kept. */
    public Future<Boolean> delete(String market, String timeframe) {
        return storage(pool.preparedQuery("UPDATE strategy_specs SET active = false WHERE market = $1 AND timeframe = $2 AND active")
                .execute(Tuple.of(market, timeframe)).map(r -> r.rowCount() > 0));
    }

    /** Every active spec, oldest stored first. */
    public Future<List<StoredSpec>> active() {
        return storage(pool.query("SELECT " + COLUMNS + " FROM strategy_specs WHERE active ORDER BY row_id").execute().map(rows -> {
            List<StoredSpec> out = new ArrayList<>();
            rows.forEach(r -> out.add(row(r, false)));
            return out;
        }));
    }

    /** Stores {@code spec} as version 1 unless its market and timeframe already have a spec (active or not). */
    public Future<Boolean> seedIfAbsent(StrategySpec spec, Instant now) {
        StrategySpec v1 = spec.withVersion(1, now);
        return storage(pool.preparedQuery("INSERT INTO strategy_specs (market, timeframe, version, spec_id, spec, content_hash, "
                        + "author, created_at, active) SELECT $1, $2, 1, $3, $4, $5, $6, $7, true WHERE NOT EXISTS "
                        + "(SELECT 1 FROM strategy_specs WHERE market = $1 AND timeframe = $2) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(new Object[]{v1.market(), v1.timeframe(), v1.id(), new JsonObject(Json.write(v1)), contentHash(v1),
                        v1.author().key(), utc(v1.createdAt())}))
                .map(r -> r.rowCount() > 0));
    }

    private static StoredSpec row(Row r, boolean duplicate) {
        StrategySpec spec;
        try {
            spec = Json.MAPPER.readValue(r.getString("spec"), StrategySpec.class);
        } catch (Exception e) {
            throw new CodedException(ErrorCode.STRATEGY_STORAGE, "stored spec " + r.getLong("row_id") + " cannot be read: " + e.getMessage());
        }
        return new StoredSpec(r.getLong("row_id"), r.getString("market"), r.getString("timeframe"), r.getInteger("version"),
                r.getString("spec_id"), r.getString("author"), r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("stored_at").toInstant(), r.getBoolean("active"), duplicate, spec);
    }

    /**
     * SHA-256 of the spec's JSON without version and created_at: what makes two saves "the same
     * spec" (the store assigns those two).
     */
    static String contentHash(StrategySpec spec) {
        JsonObject json = new JsonObject(Json.write(spec));
        json.remove("version");
        json.remove("created_at");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical(json).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys sorted at every level, so the hash does not depend on field order. */
    private static String canonical(Object v) {
        if (v instanceof JsonObject o) {
            StringBuilder b = new StringBuilder("{");
            o.fieldNames().stream().sorted().forEach(k -> b.append(b.length() > 1 ? "," : "")
                    .append(io.vertx.core.json.Json.encode(k)).append(':').append(canonical(o.getValue(k))));
            return b.append('}').toString();
        }
        if (v instanceof io.vertx.core.json.JsonArray a) {
            List<String> parts = new ArrayList<>();
            a.forEach(x -> parts.add(canonical(x)));
            return "[" + String.join(",", parts) + "]";
        }
        return io.vertx.core.json.Json.encode(v);
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /**
     * Database unavailability is STRATEGY_STORAGE (retryable by the activity); our coded failures
     * keep their code and a bug in our code is INTERNAL (not retried).
     */
    private static <T> Future<T> storage(Future<T> f) {
        return f.recover(err -> Future.failedFuture(err instanceof CodedException || !SqlFailures.isBug(err) ? coded(err)
                : new CodedException(ErrorCode.INTERNAL, err.getClass().getSimpleName() + ": " + err.getMessage())));
    }

    private static Throwable coded(Throwable err) {
        return err instanceof CodedException ? err : new CodedException(ErrorCode.STRATEGY_STORAGE,
                (err instanceof PgException pg ? pg.getSqlState() + " " : "") + err.getMessage());
    }
}
