package io.tradingstack.agents.judge;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The judge's evaluations (table judge_evaluations, V80): written once per id, read newest first
 * with their trend, and the memory a restarted judge resumes from (the latest row's, with today's
 * count taken from the rows of today).
 */
public final class JudgeStore {
    private final Pool pool;

    public JudgeStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores one evaluation; false when its id was stored before. */
    public Future<Boolean> record(JudgeMessages.Store r) {
        JudgeEvaluation e = r.evaluation();
        return storage(pool.preparedQuery("INSERT INTO judge_evaluations (id, judge_id, seq, trigger, window_days, evaluated_at,"
                        + " score, prompt_version, llm_call_id, body, memory) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
                        + " ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.from(new Object[] {e.id(), r.judgeId(), e.seq(), e.trigger(), e.windowDays(), utc(e.evaluatedAt()),
                        BigDecimal.valueOf(e.score()), e.promptVersion(), e.llmCallId(), Json.toJsonObject(e),
                        Json.toJsonObject(r.memory())}))
                .map(rows -> rows.rowCount() == 1));
    }

    /** The latest evaluations (newest first) and the trend of their scores. */
    public Future<JudgeMessages.Evaluations> evaluations(JudgeMessages.EvaluationsQuery q) {
        Instant since = q.since() == null ? Instant.EPOCH : q.since();
        return storage(pool.preparedQuery("SELECT body FROM judge_evaluations WHERE evaluated_at >= $1"
                        + " ORDER BY evaluated_at DESC, seq DESC LIMIT $2")
                .execute(Tuple.of(utc(since), q.limit())).map(rows -> {
                    List<JudgeEvaluation> out = new ArrayList<>();
                    rows.forEach(r -> out.add(Json.fromJson(r.getJsonObject("body"), JudgeEvaluation.class)));
                    List<Double> scores = new ArrayList<>(out.stream().map(JudgeEvaluation::score).toList());
                    Collections.reverse(scores);
                    return new JudgeMessages.Evaluations(out, JudgeTrend.of(scores));
                }));
    }

    /** What the judge resumes from: the latest stored memory with today's evaluations recounted; FRESH when none. */
    public Future<JudgeMemory> memory(JudgeMessages.MemoryQuery q) {
        LocalDate day = LocalDate.parse(q.day());
        return storage(pool.preparedQuery("SELECT memory, (SELECT count(*) FROM judge_evaluations t WHERE t.judge_id = $1"
                        + " AND t.evaluated_at >= $2 AND t.evaluated_at < $3) AS today FROM judge_evaluations"
                        + " WHERE judge_id = $1 ORDER BY seq DESC LIMIT 1")
                .execute(Tuple.of(q.judgeId(), utc(day.atStartOfDay().toInstant(ZoneOffset.UTC)),
                        utc(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return JudgeMemory.FRESH;
                    }
                    Row r = rows.iterator().next();
                    JudgeMemory m = Json.fromJson(r.getJsonObject("memory"), JudgeMemory.class);
                    return new JudgeMemory(q.day(), m.lastAt(), r.getLong("today").intValue(), 0, m.seq(), m.probation());
                }));
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static <T> Future<T> storage(Future<T> f) {
        return f.recover(err -> Future.failedFuture(SqlFailures.coded(err, ErrorCode.JUDGE_STORAGE)));
    }
}
