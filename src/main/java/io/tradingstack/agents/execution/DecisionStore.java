package io.tradingstack.agents.execution;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code agent_decisions} table: insert once per decision id (a repeated insert changes
 * nothing and answers false), and the latest decisions for MCP and the judge.
 */
public final class DecisionStore {
    private static final String INSERT = "INSERT INTO agent_decisions (id, workflow_id, seq, symbol, mode, decided_by, gate_reason, "
            + "consulted, fallback, inputs_digest, llm_call_id, provider, prompt_version, price, rules, intents, risk_verdicts, "
            + "order_ids, outcome, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, "
            + "$18, $19, $20) ON CONFLICT (id) DO NOTHING";
    private static final String COLUMNS = "id, workflow_id, seq, symbol, mode, decided_by, gate_reason, consulted, fallback, "
            + "inputs_digest, llm_call_id, provider, prompt_version, price, rules, intents, risk_verdicts, order_ids, outcome, decided_at";
    private final Pool pool;

    public DecisionStore(Pool pool) {
        this.pool = pool;
    }

    /** True when stored now, false when this id was stored before. */
    public Future<Boolean> insert(DecisionRecord d) {
        Tuple t = Tuple.tuple().addString(d.id()).addString(d.workflowId()).addLong(d.seq()).addString(d.symbol())
                .addString(d.mode()).addString(d.decidedBy()).addString(d.gateReason()).addBoolean(d.consulted())
                .addString(d.fallback()).addString(d.inputsDigest()).addString(d.llmCallId()).addString(d.provider())
                .addInteger(d.promptVersion()).addBigDecimal(d.price()).addValue(json(d.rules()))
                .addValue(new JsonArray(Json.write(d.intents()))).addValue(new JsonArray(Json.write(d.verdicts())))
                .addValue(new JsonArray(Json.write(d.orderIds()))).addString(d.outcome())
                .addOffsetDateTime(OffsetDateTime.ofInstant(Instant.parse(d.decidedAt()), ZoneOffset.UTC));
        return coded(pool.preparedQuery(INSERT).execute(t).map(rows -> rows.rowCount() == 1));
    }

    public Future<DecisionMessages.Recent> recent(DecisionMessages.RecentQuery q) {
        String sql = "SELECT " + COLUMNS + " FROM agent_decisions WHERE ($1::text IS NULL OR symbol = $1) "
                + "AND ($2::timestamptz IS NULL OR decided_at >= $2) ORDER BY decided_at DESC, seq DESC, symbol LIMIT $3";
        Tuple t = Tuple.of(q.symbol(), q.since() == null ? null : OffsetDateTime.ofInstant(q.since(), ZoneOffset.UTC), q.limit());
        return coded(pool.preparedQuery(sql).execute(t).map(rows -> {
            List<DecisionRecord> out = new ArrayList<>();
            rows.forEach(r -> out.add(read(r)));
            return new DecisionMessages.Recent(out);
        }));
    }

    private static DecisionRecord read(Row r) {
        return new DecisionRecord(r.getString("id"), r.getString("workflow_id"), r.getLong("seq"), r.getString("symbol"),
                r.getString("mode"), r.getString("decided_by"), r.getString("gate_reason"), r.getBoolean("consulted"),
                r.getString("fallback"), r.getString("inputs_digest"), r.getString("llm_call_id"), r.getString("provider"),
                r.getInteger("prompt_version"), r.getBigDecimal("price"),
                Json.MAPPER.convertValue(((JsonObject) r.getValue("rules")).getMap(), Proposal.class),
                list(r, "intents", Intent.class), list(r, "risk_verdicts", OrderOutcome.class), list(r, "order_ids", String.class),
                r.getString("outcome"), r.getOffsetDateTime("decided_at").toInstant().toString());
    }

    private static <T> List<T> list(Row r, String column, Class<T> type) {
        JsonArray a = (JsonArray) r.getValue(column);
        List<T> out = new ArrayList<>();
        for (Object o : a.getList()) {
            out.add(Json.MAPPER.convertValue(o, type));
        }
        return out;
    }

    private static Object json(Object value) {
        return value == null ? new JsonObject() : new JsonObject(Json.write(value));
    }

    private static <T> Future<T> coded(Future<T> f) {
        return f.recover(err -> Future.failedFuture(SqlFailures.coded(err, ErrorCode.EXECUTION_STORAGE)));
    }
}
