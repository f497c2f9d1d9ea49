package io.tradingstack.mcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.Set;

/**
 * The strict gate of POST /mcp: one parse of the body, with duplicate keys and trailing data
 * refused, then the JSON-RPC 2.0 envelope and the parameters of the methods whose shape the SDK
 * would otherwise trip over (initialize, tools/call, logging/setLevel). A message that passes is
 * handed on as the parsed tree; one that does not gets its JSON-RPC error here, with the request id
 * when there is one. Pure: no Vert.x.
 */
final class JsonRpcEdge {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> LEVELS = Set.of("debug", "info", "notice", "warning", "error", "critical",
            "alert", "emergency");
    private static final int MAX_ID_LENGTH = 256;

    /** The verdict: either {@code message} (accepted) or an error with its HTTP status, id and JSON-RPC code. */
    record Verdict(JsonNode message, int httpStatus, JsonNode id, int code, String error) {
        boolean accepted() {
            return message != null;
        }

        static Verdict ok(JsonNode message) {
            return new Verdict(message, 0, null, 0, null);
        }

        /** The envelope is unusable: 400, no request to answer. */
        static Verdict invalid(JsonNode id, int code, String error) {
            return new Verdict(null, 400, id, code, error);
        }

        /** A well-formed request with bad parameters: an ordinary JSON-RPC error answer to it. */
        static Verdict badParams(JsonNode id, String error) {
            return new Verdict(null, 200, id, McpSchema.ErrorCodes.INVALID_PARAMS, error);
        }
    }

    private JsonRpcEdge() {
    }

    static Verdict check(String body) {
        JsonNode root;
        try {
            root = STRICT.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return Verdict.invalid(null, McpSchema.ErrorCodes.PARSE_ERROR, "parse error: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            String what = root == null || root.isMissingNode() ? "an empty body" : root.isArray() ? "a batch (array)" : "a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            return Verdict.invalid(null, McpSchema.ErrorCodes.INVALID_REQUEST, "expected one JSON-RPC message object, got " + what);
        }
        return envelope(root);
    }

    private static Verdict envelope(JsonNode m) {
        JsonNode id = m.get("id");
        boolean idOk = id == null || (id.isTextual() && id.asText().length() <= MAX_ID_LENGTH) || id.isIntegralNumber();
        JsonNode usableId = idOk ? id : null;
        if (!idOk) {
            return Verdict.invalid(null, McpSchema.ErrorCodes.INVALID_REQUEST, "id must be a string (<= " + MAX_ID_LENGTH
                    + " chars) or an integer");
        }
        if (!m.path("jsonrpc").isTextual() || !"2.0".equals(m.get("jsonrpc").asText())) {
            return Verdict.invalid(usableId, McpSchema.ErrorCodes.INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"");
        }
        JsonNode method = m.get("method");
        if (method == null) {
            boolean response = id != null && (m.has("result") ^ m.has("error"));
            return response ? Verdict.ok(m) : Verdict.invalid(usableId, McpSchema.ErrorCodes.INVALID_REQUEST,
                    "a message needs a \"method\" (request, notification) or an id with \"result\" or \"error\" (response)");
        }
        if (!method.isTextual() || method.asText().isEmpty() || method.asText().length() > 128) {
            return Verdict.invalid(usableId, McpSchema.ErrorCodes.INVALID_REQUEST, "\"method\" must be a non-empty string");
        }
        JsonNode params = m.get("params");
        if (params != null && !params.isObject()) {
            return bad(usableId, "params must be an object, got " + params.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        String problem = paramsProblem(method.asText(), params);
        return problem == null ? Verdict.ok(m) : bad(usableId, problem);
    }

    /** Invalid params of a request get an answer; of a notification, a 400 (there is nothing to answer). */
    private static Verdict bad(JsonNode id, String problem) {
        return id == null ? Verdict.invalid(null, McpSchema.ErrorCodes.INVALID_PARAMS, problem) : Verdict.badParams(id, problem);
    }

    private static String paramsProblem(String method, JsonNode params) {
        switch (method) {
            case McpSchema.METHOD_INITIALIZE -> {
                if (params == null) {
                    return "initialize needs params {protocolVersion, capabilities, clientInfo}";
                }
                if (!params.path("protocolVersion").isTextual()) {
                    return "initialize: protocolVersion must be a string";
                }
                return params.has("clientInfo") && !params.get("clientInfo").isObject() ? "initialize: clientInfo must be an object" : null;
            }
            case McpSchema.METHOD_TOOLS_CALL -> {
                if (params == null || !params.path("name").isTextual()) {
                    return "tools/call: params.name must be a string";
                }
                JsonNode args = params.get("arguments");
                return args != null && !args.isObject() && !args.isNull() ? "tools/call: params.arguments must be an object" : null;
            }
            case McpSchema.METHOD_LOGGING_SET_LEVEL -> {
                String level = params == null ? null : params.path("level").isTextual() ? params.get("level").asText() : null;
                return level != null && LEVELS.contains(level) ? null
                        : "logging/setLevel: params.level must be one of " + String.join(", ", new java.util.TreeSet<>(LEVELS));
            }
            default -> {
                return null;
            }
        }
    }
}
