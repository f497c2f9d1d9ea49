package io.tradingstack.mcp;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Plain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a tool answers: structured content (always a JSON object of plain values, see {@link Plain})
 * plus whether it is an error. An error carries an {@link ErrorCode}; it is a result the client
 * reads, not a protocol failure.
 */
public record ToolResult(boolean isError, ErrorCode code, Map<String, Object> structured, Class<?> builtFrom) {

    /**
     * Any internal value (records, decimals, instants) converted once, here; the value's class is kept
     * so the catalogue can check it is the type the tool declares its schema from.
     */
    public static ToolResult ok(Object structured) {
        return new ToolResult(false, null, Plain.object(structured), structured == null ? null : structured.getClass());
    }

    public static ToolResult error(ErrorCode code, String message) {
        return error(code, message, Map.of());
    }

    public static ToolResult error(ErrorCode code, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code.name());
        body.put("code", code.code());
        body.put("message", message);
        body.putAll(Plain.object(details));
        return new ToolResult(true, code, body, null);
    }

    public String message() {
        Object m = structured.get("message");
        return m == null ? "" : m.toString();
    }
}
