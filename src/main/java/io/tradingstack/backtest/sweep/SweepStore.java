package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.Json;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sweeps} and {@code sweep_runs} tables (V90). A save replaces the sweep's row only with
 * a revision at least as new, and a finished sweep's runs are inserted once (a retried save finds
 * them there), in the same transaction. Plain class over a pool.
 */
public final class SweepStore {
    private static final String UPSERT = "INSERT INTO sweeps (sweep_id, state, revision, metric, request, progress, runs_done,"
            + " runs_total, error_code) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8, $9)"
            + " ON CONFLICT (sweep_id) DO UPDATE SET state = EXCLUDED.state, revision = EXCLUDED.revision,"
            + " progress = EXCLUDED.progress, runs_done = EXCLUDED.runs_done, runs_total = EXCLUDED.runs_total,"
            + " error_code = EXCLUDED.error_code, updated_at = now() WHERE sweeps.revision <= EXCLUDED.revision";
    private static final String RUN = "INSERT INTO sweep_runs (sweep_id, phase, window_index, set_index, rank, params,"
            + " metric_value, metrics, bars, worker, elapsed_ms) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7,"
            + " $8::text::jsonb, $9, $10, $11) ON CONFLICT DO NOTHING";
    private final Pool pool;

    public SweepStore(Pool pool) {
        this.pool = pool;
    }

    /** True when the state was written (false: a newer one is stored). */
    public Future<Boolean> save(SweepMessages.Save save) {
        SweepProgress p = read(save.progressJson(), SweepProgress.class);
        SweepRequest request = read(save.requestJson(), SweepRequest.class);
        Tuple row = Tuple.of(save.sweepId(), p.state(), p.revision(), request.metric(), save.requestJson(), save.progressJson(),
                p.runsDone(), p.runsTotal(), p.errorCode());
        return pool.withTransaction(c -> c.preparedQuery(UPSERT).execute(row).compose(rows -> rows.rowCount() == 0
                ? Future.succeededFuture(false)
                : runs(c, save.sweepId(), p.result()).map(true)));
    }

    /** The stored progress JSON, or null. */
    public Future<String> load(String sweepId) {
        return pool.preparedQuery("SELECT progress::text AS progress FROM sweeps WHERE sweep_id = $1")
                .execute(Tuple.of(sweepId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("progress"));
    }

    /** The newest sweeps, newest first. */
    public Future<List<SweepMessages.Summary>> list(int limit) {
        return pool.preparedQuery("SELECT sweep_id, state, metric, runs_done, runs_total, error_code, created_at, updated_at"
                        + " FROM sweeps ORDER BY created_at DESC, sweep_id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<SweepMessages.Summary> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new SweepMessages.Summary(r.getString("sweep_id"), r.getString("state"),
                            r.getString("metric"), r.getInteger("runs_done"), r.getInteger("runs_total"), r.getString("error_code"),
                            r.getOffsetDateTime("created_at").toInstant().toString(),
                            r.getOffsetDateTime("updated_at").toInstant().toString())));
                    return out;
                });
    }

    private static Future<Void> runs(SqlConnection c, String sweepId, SweepResult result) {
        if (result == null) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = new ArrayList<>();
        int rank = 0;
        int window = Integer.MIN_VALUE;
        for (RunResult r : result.ranked()) {
            rank = r.window() == window ? rank + 1 : 1;
            window = r.window();
            batch.add(row(sweepId, r, rank, result.metric()));
        }
        result.windows().forEach(w -> batch.add(row(sweepId, w.test(), null, result.metric())));
        return batch.isEmpty() ? Future.succeededFuture() : c.preparedQuery(RUN).executeBatch(batch).mapEmpty();
    }

    private static Tuple row(String sweepId, RunResult r, Integer rank, String metric) {
        return Tuple.from(new Object[] {sweepId, r.phase(), r.window(), r.index(), rank, Json.write(r.params()),
                r.metric(metric), Json.write(r.metrics()), r.bars(), r.worker(), r.elapsedMillis()});
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
