package io.tradingstack.mcp;

import io.tradingstack.bus.Json;
import io.tradingstack.runtime.SqlFailures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends audited tool calls to {@code mcp_audit} (V20), rejected ones included. Append-only:
 * nothing here updates or deletes. Whatever a client sent must be recordable: strings are cut to
 * {@link #MAX_TEXT} characters and NUL (which PostgreSQL cannot store in text or jsonb) is written as
 * the visible escape {@code \u0000}; should the database still refuse the row, a row saying so is
 * written instead, so no call goes unaudited.
 */
public final class AuditJournal {
    static final int MAX_TEXT = 1024;
    private static final String INSERT = "INSERT INTO mcp_audit (session_id, tool, arguments, result, is_error, error_code) "
            + "VALUES ($1, $2, $3, $4, $5, $6)";
    private final Pool pool;

    public AuditJournal(Pool pool) {
        this.pool = pool;
    }

    public Future<Void> append(String sessionId, String tool, Map<String, Object> arguments, ToolResult result) {
        Integer code = result.code() == null ? null : result.code().code();
        Tuple row = Tuple.of(text(sessionId), text(tool), json(arguments), json(result.structured()), result.isError(), code);
        return pool.preparedQuery(INSERT).execute(row).<Void>mapEmpty().recover(err -> {
            if (!SqlFailures.isDataError(err)) {
                return Future.failedFuture(err);
            }
            JsonObject note = new JsonObject().put("unstorable", text(String.valueOf(err.getMessage())));
            return pool.preparedQuery(INSERT).execute(Tuple.of(text(sessionId), text(tool), note, note,
                    result.isError(), code)).mapEmpty();
        });
    }

    private static JsonObject json(Map<String, Object> map) {
        try {
            return new JsonObject(Json.MAPPER.writeValueAsString(safe(map)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new JsonObject().put("unencodable", text(String.valueOf(map)));
        }
    }

    /** A copy that PostgreSQL can store: every string made safe, keys included. */
    static Object safe(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(text(String.valueOf(k)), safe(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(safe(v)));
            return out;
        }
        return value;
    }

    static String text(String s) {
        if (s == null) {
            return null;
        }
        String cut = s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "...[" + (s.length() - MAX_TEXT) + " more]" : s;
        return cut.indexOf('\0') < 0 ? cut : cut.replace("\0", "\\u0000");
    }
}
