package io.tradingstack.mcp;

import io.tradingstack.bus.Json;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.Map;

/** Appends audited tool calls to {@code mcp_audit} (V20). Append-only: nothing here updates or deletes. */
public final class AuditJournal {
    private static final String INSERT = "INSERT INTO mcp_audit (session_id, tool, arguments, result, is_error, error_code) "
            + "VALUES ($1, $2, $3, $4, $5, $6)";
    private final Pool pool;

    public AuditJournal(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> append(String sessionId, String tool, Map<String, Object> arguments, ToolResult result) {
        Tuple row = Tuple.of(sessionId, tool, json(arguments), json(result.structured()), result.isError(),
                result.code() == null ? null : result.code().code());
        return pool.preparedQuery(INSERT).execute(row).mapEmpty();
    }

    private static JsonObject json(Map<String, Object> map) {
        try {
            return new JsonObject(Json.MAPPER.writeValueAsString(map));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new JsonObject().put("unencodable", String.valueOf(map));
        }
    }
}
