package io.tradingstack.agents.prompts;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The agents' prompt versions and the user's feedback (tables of V66). Every change of an agent's
 * prompt runs in one transaction under that agent's advisory lock, so concurrent changes serialize
 * (the (agent, version) key is the backstop) and the version in force always names a stored one.
 */
public final class PromptStore {
    private static final String VERSION_COLUMNS = "agent, version, text, diff, author, reason, score, created_at";
    private static final String FEEDBACK_COLUMNS = "id, target_agent, message, author, created_at, consumed_at, consumed_by";
    private final Pool pool;

    public PromptStore(Pool pool) {
        this.pool = pool;
    }

    /** The version in force; stores {@code defaultText} as version 1 (author system) when the agent has none yet. */
    public Future<PromptVersion> current(PromptMessages.Current query, Instant now) {
        return storage(locked(query.agent(), c -> inForce(c, query.agent()).compose(found -> {
            if (found != null) {
                return Future.succeededFuture(found);
            }
            if (query.defaultText() == null) {
                return Future.failedFuture(new CodedException(ErrorCode.PROMPT_NOT_FOUND, "agent '" + query.agent()
                        + "' has no stored prompt yet"));
            }
            PromptVersion v1 = new PromptVersion(query.agent(), 1, query.defaultText(), "", "system", "built-in default", null,
                    now.truncatedTo(ChronoUnit.MICROS));
            return insert(c, v1).compose(v -> switchTo(c, "seed", null, v1, "system", v1.reason(), now));
        })));
    }

    /** Stores the change as the next version and puts it in force; the text in force already answers that version. */
    public Future<PromptVersion> create(PromptChange change, Instant now) {
        return storage(locked(change.agent(), c -> inForce(c, change.agent()).compose(found -> {
            if (found != null && found.text().equals(change.text())) {
                return Future.succeededFuture(found);
            }
            return latest(c, change.agent()).compose(max -> {
                int next = max + 1;
                String diff = found == null ? "" : PromptDiff.unified(label(found), found.text(), change.agent() + " v" + next,
                        change.text());
                PromptVersion v = new PromptVersion(change.agent(), next, change.text(), diff, change.author(), change.reason(),
                        change.score(), now.truncatedTo(ChronoUnit.MICROS));
                return insert(c, v).compose(x -> switchTo(c, "create", found == null ? null : found.version(), v,
                        change.author(), change.reason(), now));
            });
        })));
    }

    /** Puts a stored version back in force (PROMPT_NOT_FOUND when there is no such version). */
    public Future<PromptVersion> rollback(PromptRollback rollback, Instant now) {
        return storage(locked(rollback.agent(), c -> inForce(c, rollback.agent()).compose(found -> c.preparedQuery(
                        "SELECT " + VERSION_COLUMNS + " FROM prompt_versions WHERE agent = $1 AND version = $2")
                .execute(Tuple.of(rollback.agent(), rollback.version())).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(new CodedException(ErrorCode.PROMPT_NOT_FOUND, "agent '" + rollback.agent()
                                + "' has no prompt version " + rollback.version()));
                    }
                    PromptVersion target = version(rows.iterator().next());
                    if (found != null && found.version() == target.version()) {
                        return Future.succeededFuture(target);
                    }
                    return switchTo(c, "rollback", found == null ? null : found.version(), target, rollback.author(),
                            rollback.reason(), now);
                }))));
    }

    /** The version in force (null when none) and the latest versions and switches, newest first. */
    public Future<PromptHistory> history(PromptMessages.HistoryQuery query) {
        return storage(pool.withConnection(c -> inForce(c, query.agent())
                .compose(current -> c.preparedQuery("SELECT " + VERSION_COLUMNS + " FROM prompt_versions WHERE agent = $1 "
                                + "ORDER BY version DESC LIMIT $2").execute(Tuple.of(query.agent(), query.limit()))
                        .compose(versions -> c.preparedQuery("SELECT kind, from_version, to_version, author, reason, at FROM "
                                        + "prompt_events WHERE agent = $1 ORDER BY id DESC LIMIT $2")
                                .execute(Tuple.of(query.agent(), query.limit()))
                                .map(switches -> new PromptHistory(current, list(versions, PromptStore::version),
                                        list(switches, PromptStore::switchOf)))))));
    }

    private static Future<PromptVersion> inForce(SqlConnection c, String agent) {
        return c.preparedQuery("SELECT " + prefixed("v") + " FROM prompt_current p JOIN prompt_versions v "
                        + "ON v.agent = p.agent AND v.version = p.version WHERE p.agent = $1")
                .execute(Tuple.of(agent)).map(rows -> rows.size() == 0 ? null : version(rows.iterator().next()));
    }

    private static Future<Integer> latest(SqlConnection c, String agent) {
        return c.preparedQuery("SELECT coalesce(max(version), 0) AS v FROM prompt_versions WHERE agent = $1")
                .execute(Tuple.of(agent)).map(rows -> rows.iterator().next().getInteger("v"));
    }

    private static Future<Void> insert(SqlConnection c, PromptVersion v) {
        return c.preparedQuery("INSERT INTO prompt_versions (" + VERSION_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[]{v.agent(), v.version(), v.text(), v.diff(), v.author(), v.reason(), v.score(),
                        utc(v.createdAt())})).mapEmpty();
    }

    private static Future<PromptVersion> switchTo(SqlConnection c, String kind, Integer from, PromptVersion to, String author,
                                                  String reason, Instant now) {
        return c.preparedQuery("INSERT INTO prompt_current (agent, version, changed_at, reason) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (agent) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at, "
                        + "reason = excluded.reason").execute(Tuple.of(to.agent(), to.version(), utc(now), reason))
                .compose(v -> c.preparedQuery("INSERT INTO prompt_events (agent, kind, from_version, to_version, author, reason, at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7)").execute(Tuple.from(new Object[]{to.agent(), kind, from,
                        to.version(), author, reason, utc(now)})))
                .map(v -> to);
    }

    // ---- feedback

    /** Stores a message to an agent, pending until the agent consumes it. */
    public Future<Feedback> addFeedback(PromptMessages.FeedbackAdd add, Instant now) {
        return storage(pool.preparedQuery("INSERT INTO agent_feedback (target_agent, message, author, created_at) "
                        + "VALUES ($1, $2, $3, $4) RETURNING " + FEEDBACK_COLUMNS)
                .execute(Tuple.of(add.targetAgent(), add.message(), add.author(), utc(now)))
                .map(rows -> feedback(rows.iterator().next())));
    }

    /** The oldest messages to an agent it has not consumed. */
    public Future<List<Feedback>> pending(PromptMessages.PendingQuery query) {
        return storage(pool.preparedQuery("SELECT " + FEEDBACK_COLUMNS + " FROM agent_feedback WHERE target_agent = $1 "
                        + "AND consumed_at IS NULL ORDER BY id LIMIT $2").execute(Tuple.of(query.targetAgent(), query.limit()))
                .map(rows -> list(rows, PromptStore::feedback)));
    }

    /** Marks pending messages consumed; answers the ids this call consumed (a repeat consumes nothing). */
    public Future<List<Long>> consume(PromptMessages.Consume consume, Instant now) {
        if (consume.ids().isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return storage(pool.preparedQuery("UPDATE agent_feedback SET consumed_at = $2, consumed_by = $3 WHERE id = ANY($1) "
                        + "AND consumed_at IS NULL RETURNING id")
                .execute(Tuple.of(consume.ids().toArray(Long[]::new), utc(now), consume.by()))
                .map(rows -> list(rows, r -> r.getLong("id")).stream().sorted().toList()));
    }

    // ---- rows

    private <T> Future<T> locked(String agent, Function<SqlConnection, Future<T>> work) {
        return pool.withTransaction(c -> c.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('prompts:' || $1))")
                .execute(Tuple.of(agent)).compose(v -> work.apply(c)));
    }

    private static String label(PromptVersion v) {
        return v.agent() + " v" + v.version();
    }

    private static String prefixed(String alias) {
        return alias + "." + VERSION_COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static PromptVersion version(Row r) {
        return new PromptVersion(r.getString("agent"), r.getInteger("version"), r.getString("text"), r.getString("diff"),
                r.getString("author"), r.getString("reason"), r.getBigDecimal("score"), instant(r, "created_at"));
    }

    private static PromptSwitch switchOf(Row r) {
        return new PromptSwitch(r.getString("kind"), r.getInteger("from_version"), r.getInteger("to_version"),
                r.getString("author"), r.getString("reason"), instant(r, "at"));
    }

    private static Feedback feedback(Row r) {
        return new Feedback(r.getLong("id"), r.getString("target_agent"), r.getString("message"), r.getString("author"),
                instant(r, "created_at"), instant(r, "consumed_at"), r.getString("consumed_by"));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>();
        rows.forEach(r -> out.add(map.apply(r)));
        return out;
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** At PostgreSQL's precision (microseconds), so an answer equals what a later read gives. */
    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** Unavailability is PROMPT_STORAGE (retried by activities); our coded failures keep their code. */
    private static <T> Future<T> storage(Future<T> f) {
        return f.recover(err -> Future.failedFuture(SqlFailures.coded(err, ErrorCode.PROMPT_STORAGE)));
    }
}
