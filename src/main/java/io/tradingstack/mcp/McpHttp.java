package io.tradingstack.mcp;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** HTTP-level helpers of the MCP endpoint: content negotiation and JSON-RPC error bodies. */
final class McpHttp {
    private McpHttp() {
    }

    static boolean acceptsJson(String accept) {
        return accept == null || accept.contains("application/json") || accept.contains("*/*");
    }

    static boolean acceptsSse(String accept) {
        return accept != null && (accept.contains("text/event-stream") || accept.contains("*/*"));
    }

    /** A JSON-RPC error body (id null: the failure is about the HTTP exchange, not one request). */
    static void fail(RoutingContext rc, int status, int rpcCode, String message) {
        fail(rc, status, null, rpcCode, message);
    }

    /** A JSON-RPC error body answering the request {@code id} (a string or integer node, or null). */
    static void fail(RoutingContext rc, int status, com.fasterxml.jackson.databind.JsonNode id, int rpcCode, String message) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        JsonObject body = new JsonObject().put("jsonrpc", "2.0");
        if (id == null || id.isNull()) {
            body.putNull("id");
        } else {
            body.put("id", id.isIntegralNumber() ? (Object) id.asLong() : id.asText());
        }
        body.put("error", new JsonObject().put("code", rpcCode).put("message", message));
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** A request id (String, Integer or Long from the SDK) as a JSON node. */
    static com.fasterxml.jackson.databind.JsonNode idNode(Object id) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (id instanceof Number n) {
            return f.numberNode(n.longValue());
        }
        return id == null ? null : f.textNode(id.toString());
    }
}
