package io.tradingstack.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One HTTP response carrying server-to-client JSON-RPC messages. For a POST the response is a plain
 * JSON body when the reply is the only message, and switches to an SSE stream as soon as a
 * notification or server request comes first (only if the client accepts SSE). For GET it is an
 * SSE stream from the start. Never writes after the response has ended or the peer has gone.
 */
final class HttpStreamTransport implements McpStreamableServerTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpStreamTransport.class);

    private final HttpServerResponse response;
    private final McpJsonMapper mapper;
    private final String sessionId;
    private final boolean sseAllowed;
    /** The id of the POSTed request this response answers; null for the GET stream. */
    private final Object requestId;
    private boolean sseStarted;
    private boolean ended;
    private volatile Runnable onPeerClosed = () -> { };

    private HttpStreamTransport(HttpServerResponse response, McpJsonMapper mapper, String sessionId, boolean sseAllowed,
                                Object requestId) {
        this.response = response;
        this.mapper = mapper;
        this.sessionId = sessionId;
        this.sseAllowed = sseAllowed;
        this.requestId = requestId;
        response.closeHandler(v -> {
            markEnded();
            onPeerClosed.run();
        });
    }

    /** The answer to one POSTed request: JSON unless something precedes the reply. */
    static HttpStreamTransport forPost(HttpServerResponse response, McpJsonMapper mapper, String sessionId, boolean sseAllowed,
                                       Object requestId) {
        return new HttpStreamTransport(response, mapper, sessionId, sseAllowed, requestId);
    }

    /** The GET listening stream: SSE headers are sent at once so the client sees the stream open. */
    static HttpStreamTransport listening(HttpServerResponse response, McpJsonMapper mapper, String sessionId) {
        HttpStreamTransport transport = new HttpStreamTransport(response, mapper, sessionId, true, null);
        synchronized (transport) {
            transport.startSse();
            response.write(": stream open\n\n");
        }
        return transport;
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
        return Mono.fromRunnable(() -> write(message, messageId));
    }

    private synchronized void write(McpSchema.JSONRPCMessage message, String messageId) {
        if (ended) {
            LOG.debug("Dropping message for session {}: stream already ended", sessionId);
            return;
        }
        boolean isReply = message instanceof McpSchema.JSONRPCResponse;
        if (isReply && !sseStarted) {
            ended = true;
            response.putHeader("Content-Type", "application/json").end(Buffer.buffer(encodeBytes(message)));
            return;
        }
        String json = encode(message);
        if (!sseAllowed) {
            // The client accepts JSON only: notifications cannot travel on this response.
            LOG.debug("Dropping notification for JSON-only request of session {}", sessionId);
            return;
        }
        startSse();
        response.write(Buffer.buffer(sseEvent(messageId, json)));
        if (isReply) {
            ended = true;
            response.end();
        }
    }

    private void startSse() {
        if (!sseStarted) {
            sseStarted = true;
            response.setChunked(true)
                    .putHeader("Content-Type", "text/event-stream")
                    .putHeader("Cache-Control", "no-cache")
                    .putHeader("X-Accel-Buffering", "no");
        }
    }

    private String sseEvent(String messageId, String json) {
        StringBuilder sb = new StringBuilder(json.length() + 64);
        sb.append("id: ").append(messageId != null ? messageId : sessionId).append('\n');
        sb.append("event: message\n");
        sb.append("data: ").append(json).append("\n\n");
        return sb.toString();
    }

    /** UTF-8 straight from the mapper: the usual reply skips the detour through a String. */
    private byte[] encodeBytes(McpSchema.JSONRPCMessage message) {
        try {
            return mapper.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String encode(McpSchema.JSONRPCMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an SSE comment so idle proxies keep the connection; false once the stream is gone. */
    synchronized boolean keepAlive() {
        if (ended || !sseStarted) {
            return !ended;
        }
        response.write(": keep-alive\n\n");
        return true;
    }

    /** Runs when the client drops the connection. */
    void onPeerClosed(Runnable action) {
        this.onPeerClosed = action;
    }

    synchronized boolean isEnded() {
        return ended;
    }

    private synchronized void markEnded() {
        ended = true;
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    /**
     * Ends the response. A POSTed request always gets an answer: if the server produced no reply
     * (it failed, or dropped the request), a JSON-RPC internal error with the request's id is sent
     * instead of leaving the client with an empty 202.
     */
    @Override
    public synchronized void close() {
        if (ended) {
            return;
        }
        if (requestId != null) {
            write(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, requestId, null,
                    new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                            "the request produced no response", null)), null);
            if (ended) {
                return;
            }
        }
        ended = true;
        if (sseStarted) {
            response.end();
        } else {
            response.setStatusCode(202).end();
        }
    }
}
