package io.tradingstack.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradingstack.bus.Json;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** {@link CallLog} on the {@code llm_calls} table (V40), through the reactive pool with a bounded wait. */
public final class PgCallLog implements CallLog {
    private static final long WAIT_SECONDS = 10;
    private static final String INSERT = "INSERT INTO llm_calls (id, ts, agent, task, call_key, request_hash, provider, "
            + "model, prompt_version, attempt, model_called, input_tokens, output_tokens, cost_usd, latency_ms, status, "
            + "error_code, message, cached_from, response) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20) "
            + "ON CONFLICT DO NOTHING";
    private static final String BY_HASH = "SELECT id, response FROM llm_calls WHERE request_hash = $1 AND status = 'OK' "
            + "ORDER BY ts, id LIMIT 1";
    private static final String BY_KEY = "SELECT id, response FROM llm_calls WHERE call_key = $1 AND status = 'OK' LIMIT 1";
    private static final String TOTALS = "SELECT agent, count(*) FILTER (WHERE model_called) AS calls, "
            + "count(*) FILTER (WHERE status = 'CACHE_HIT') AS hits, "
            + "count(*) FILTER (WHERE status = 'LLM_CAP_REACHED') AS refused, "
            + "coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output, "
            + "coalesce(sum(cost_usd), 0) AS cost FROM llm_calls WHERE ts >= $1 GROUP BY agent";
    private static final String BY_ID = "SELECT * FROM llm_calls WHERE id = $1";
    private final Pool pool;

    public PgCallLog(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void append(CallRecord r) {
        Tuple row = Tuple.tuple()
                .addUUID(r.id()).addOffsetDateTime(OffsetDateTime.ofInstant(r.ts(), ZoneOffset.UTC))
                .addString(r.agent()).addString(r.task()).addString(r.callKey()).addString(r.requestHash())
                .addString(r.provider()).addString(r.model()).addString(r.promptVersion())
                .addShort((short) r.attempt()).addBoolean(r.modelCalled())
                .addInteger(clampInt(r.usage().inputTokens())).addInteger(clampInt(r.usage().outputTokens()))
                .addBigDecimal(r.costUsd()).addLong(r.latencyMs()).addString(r.status()).addInteger(r.errorCode())
                .addString(r.message()).addUUID(r.cachedFrom())
                .addValue(r.response() == null ? null : new JsonObject(Json.write(r.response())));
        await(pool.preparedQuery(INSERT).execute(row));
    }

    @Override
    public Optional<Answer> answerFor(String requestHash) {
        return answer(await(pool.preparedQuery(BY_HASH).execute(Tuple.of(requestHash))));
    }

    @Override
    public Optional<Answer> answerForKey(String callKey) {
        return answer(await(pool.preparedQuery(BY_KEY).execute(Tuple.of(callKey))));
    }

    @Override
    public Map<String, Totals> totalsSince(Instant from) {
        Map<String, Totals> out = new HashMap<>();
        for (Row r : await(pool.preparedQuery(TOTALS).execute(Tuple.of(OffsetDateTime.ofInstant(from, ZoneOffset.UTC))))) {
            out.put(r.getString("agent"), new Totals(r.getLong("calls"), r.getLong("hits"), r.getLong("refused"),
                    new TokenUsage(r.getLong("input"), r.getLong("output")), r.getBigDecimal("cost")));
        }
        return out;
    }

    @Override
    public Optional<CallRecord> find(UUID id) {
        for (Row r : await(pool.preparedQuery(BY_ID).execute(Tuple.of(id)))) {
            return Optional.of(new CallRecord(r.getUUID("id"), r.getOffsetDateTime("ts").toInstant(), r.getString("agent"),
                    r.getString("task"), r.getString("call_key"), r.getString("request_hash"), r.getString("provider"),
                    r.getString("model"), r.getString("prompt_version"), r.getShort("attempt"), r.getBoolean("model_called"),
                    new TokenUsage(r.getInteger("input_tokens"), r.getInteger("output_tokens")), r.getBigDecimal("cost_usd"),
                    r.getLong("latency_ms"), r.getString("status"), r.getInteger("error_code"), r.getString("message"),
                    r.getUUID("cached_from"), response(r)));
        }
        return Optional.empty();
    }

    private static Optional<Answer> answer(RowSet<Row> rows) {
        for (Row r : rows) {
            return Optional.of(new Answer(r.getUUID("id"), response(r)));
        }
        return Optional.empty();
    }

    private static LlmResponse response(Row r) {
        JsonObject json = r.getJsonObject("response");
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(json.encode(), LlmResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("llm_calls " + r.getUUID("id") + " holds an unreadable response", e);
        }
    }

    private static int clampInt(long v) {
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not answer within " + WAIT_SECONDS + " s");
        }
    }
}
