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
        HttpServerResponse response = rc.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        JsonObject body = new JsonObject().put("jsonrpc", "2.0").putNull("id")
                .put("error", new JsonObject().put("code", rpcCode).put("message", message));
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
