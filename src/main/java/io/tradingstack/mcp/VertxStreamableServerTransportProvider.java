package io.tradingstack.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.HttpHeaders;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import io.vertx.ext.web.RoutingContext;

import static io.tradingstack.mcp.McpHttp.acceptsJson;
import static io.tradingstack.mcp.McpHttp.acceptsSse;
import static io.tradingstack.mcp.McpHttp.fail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The MCP Streamable HTTP transport (spec revision 2025-06-18) on Vert.x Web, the counterpart of
 * the SDK's servlet provider: POST /mcp carries client messages and answers with JSON or SSE,
 * GET /mcp opens the listening SSE stream, DELETE /mcp ends a session. Never blocks an event loop:
 * every SDK Mono is subscribed, not awaited.
 */
public final class VertxStreamableServerTransportProvider implements McpStreamableServerTransportProvider {
    private static final Logger LOG = LoggerFactory.getLogger(VertxStreamableServerTransportProvider.class);
    /** Per the spec, a request without the header is treated as this revision. */
    static final String DEFAULT_PROTOCOL_VERSION = ProtocolVersions.MCP_2025_03_26;
    private static final List<String> VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05,
            ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);
    private static final Set<String> VERSION_SET = Set.copyOf(VERSIONS);
    /** Reads incoming messages as the SDK's default mapper (a plain ObjectMapper) would. */
    private static final com.fasterxml.jackson.databind.ObjectMapper MESSAGES = new com.fasterxml.jackson.databind.ObjectMapper();

    private final McpJsonMapper mapper;
    private final Map<String, SessionEntry> sessions = new ConcurrentHashMap<>();
    private final Consumer<String> onSessionEnd;
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    /** @param onSessionEnd told the id of every session that ends (deleted, expired or closed) */
    public VertxStreamableServerTransportProvider(McpJsonMapper mapper, Consumer<String> onSessionEnd) {
        this.mapper = mapper;
        this.onSessionEnd = onSessionEnd;
    }

    private static final class SessionEntry {
        final McpStreamableServerSession session;
        volatile long lastSeenMillis = System.currentTimeMillis();
        volatile HttpStreamTransport listening;

        SessionEntry(McpStreamableServerSession session) {
            this.session = session;
        }
    }

    @Override
    public List<String> protocolVersions() {
        return VERSIONS;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public int sessionCount() {
        return sessions.size();
    }

    public boolean hasSession(String id) {
        return sessions.containsKey(id);
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Flux.fromIterable(sessions.values())
                .flatMap(e -> e.session.sendNotification(method, params)
                        .onErrorResume(err -> {
                            LOG.warn("Notification {} to session {} failed: {}", method, e.session.getId(), err.getMessage());
                            return Mono.empty();
                        }))
                .then();
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        SessionEntry entry = sessions.get(sessionId);
        return entry == null ? Mono.empty() : entry.session.sendNotification(method, params);
    }

    /** Refuses new work, then closes every session and its streams. */
    @Override
    public Mono<Void> closeGracefully() {
        return Mono.defer(() -> {
            closing = true;
            return Flux.fromIterable(List.copyOf(sessions.keySet()))
                    .flatMap(id -> endSession(id).onErrorResume(err -> Mono.empty()))
                    .then();
        });
    }

    /** Closes sessions not seen for longer than {@code idleMillis}; returns how many. */
    public int expireIdle(long idleMillis) {
        long cutoff = System.currentTimeMillis() - idleMillis;
        List<String> idle = sessions.entrySet().stream()
                .filter(e -> e.getValue().lastSeenMillis < cutoff && !hasOpenListener(e.getValue()))
                .map(Map.Entry::getKey).toList();
        idle.forEach(id -> endSession(id).subscribe(v -> { }, err -> LOG.debug("Expiring {}: {}", id, err.getMessage())));
        return idle.size();
    }

    /** Sends an SSE comment on every open listening stream. */
    public void keepAlive() {
        sessions.values().forEach(e -> {
            HttpStreamTransport listening = e.listening;
            if (listening != null && !listening.keepAlive()) {
                e.listening = null;
            }
        });
    }

    private static boolean hasOpenListener(SessionEntry e) {
        HttpStreamTransport l = e.listening;
        return l != null && !l.isEnded();
    }

    private Mono<Void> endSession(String id) {
        SessionEntry entry = sessions.remove(id);
        if (entry == null) {
            return Mono.empty();
        }
        onSessionEnd.accept(id);
        HttpStreamTransport listening = entry.listening;
        return entry.session.delete().then(Mono.fromRunnable(() -> {
            if (listening != null) {
                listening.close();
            }
        }));
    }

    // ---- HTTP handlers (mounted after the security checks and the bounded body handler) ----

    public void handlePost(RoutingContext rc) {
        if (refuseWhenClosing(rc)) {
            return;
        }
        String accept = rc.request().getHeader("Accept");
        if (!acceptsJson(accept) && !acceptsSse(accept)) {
            fail(rc, 406, McpSchema.ErrorCodes.INVALID_REQUEST, "Accept must include application/json or text/event-stream");
            return;
        }
        JsonRpcEdge.Verdict verdict = JsonRpcEdge.check(rc.body() == null ? null : rc.body().asString());
        if (!verdict.accepted()) {
            McpHttp.fail(rc, verdict.httpStatus(), verdict.id(), verdict.code(), verdict.error());
            return;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = toMessage(verdict.message());
        } catch (IllegalArgumentException e) {
            McpHttp.fail(rc, 400, verdict.message().get("id"), McpSchema.ErrorCodes.INVALID_REQUEST,
                    "invalid JSON-RPC message: " + e.getMessage());
            return;
        }
        if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(rc, request);
            return;
        }
        SessionEntry entry = requireSession(rc);
        if (entry == null || !checkProtocolVersion(rc)) {
            return;
        }
        McpTransportContext context = transportContext(rc, entry.session.getId());
        if (message instanceof McpSchema.JSONRPCRequest request) {
            HttpStreamTransport transport = HttpStreamTransport.forPost(rc.response(), mapper,
                    entry.session.getId(), acceptsSse(accept), request.id());
            entry.session.responseStream(request, transport)
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .subscribe(v -> { }, err -> {
                        LOG.warn("Request {} of session {} failed: {}", request.method(), entry.session.getId(), err.toString());
                        if (!transport.isEnded()) {
                            transport.close();
                        }
                    }, transport::close);
        } else {
            Mono<Void> accepted = message instanceof McpSchema.JSONRPCResponse response
                    ? entry.session.accept(response)
                    : entry.session.accept((McpSchema.JSONRPCNotification) message);
            accepted.contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .subscribe(v -> { }, err -> fail(rc, 400, McpSchema.ErrorCodes.INVALID_PARAMS, err.getMessage()),
                            () -> rc.response().setStatusCode(202).end());
        }
    }

    private void initialize(RoutingContext rc, McpSchema.JSONRPCRequest request) {
        McpSchema.InitializeRequest init;
        try {
            init = mapper.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() { });
        } catch (IllegalArgumentException e) {
            McpHttp.fail(rc, 200, McpHttp.idNode(request.id()), McpSchema.ErrorCodes.INVALID_PARAMS, "invalid initialize parameters");
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit started = sessionFactory.startSession(init);
        String id = started.session().getId();
        sessions.put(id, new SessionEntry(started.session()));
        started.initResult().subscribe(result -> {
            String json = encode(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), result, null));
            rc.response().putHeader(HttpHeaders.MCP_SESSION_ID, id)
                    .putHeader("Content-Type", "application/json").end(json);
        }, err -> {
            sessions.remove(id);
            McpHttp.fail(rc, 200, McpHttp.idNode(request.id()), McpSchema.ErrorCodes.INTERNAL_ERROR,
                    "initialization failed: " + err.getMessage());
        });
    }

    public void handleGet(RoutingContext rc) {
        if (refuseWhenClosing(rc)) {
            return;
        }
        if (!acceptsSse(rc.request().getHeader("Accept"))) {
            fail(rc, 406, McpSchema.ErrorCodes.INVALID_REQUEST, "Accept must include text/event-stream");
            return;
        }
        SessionEntry entry = requireSession(rc);
        if (entry == null || !checkProtocolVersion(rc)) {
            return;
        }
        HttpStreamTransport previous = entry.listening;
        if (previous != null && !previous.isEnded()) {
            fail(rc, 409, McpSchema.ErrorCodes.INVALID_REQUEST, "a listening stream is already open for this session");
            return;
        }
        HttpStreamTransport transport = HttpStreamTransport.listening(rc.response(), mapper, entry.session.getId());
        entry.listening = transport;
        McpStreamableServerSession.McpStreamableServerSessionStream stream = entry.session.listeningStream(transport);
        transport.onPeerClosed(() -> {
            stream.close();
            if (entry.listening == transport) {
                entry.listening = null;
            }
        });
    }

    public void handleDelete(RoutingContext rc) {
        if (refuseWhenClosing(rc)) {
            return;
        }
        SessionEntry entry = requireSession(rc);
        if (entry == null) {
            return;
        }
        endSession(entry.session.getId()).subscribe(v -> { },
                err -> fail(rc, 500, McpSchema.ErrorCodes.INTERNAL_ERROR, err.getMessage()),
                () -> rc.response().setStatusCode(200).end());
    }

    // ---- helpers ----

    /**
     * The SDK's message type for a tree that passed {@link JsonRpcEdge}: read from the tree itself
     * (no second parse of the text, and no trip through a token buffer as a conversion would take).
     */
    private static McpSchema.JSONRPCMessage toMessage(com.fasterxml.jackson.databind.JsonNode node) {
        Class<? extends McpSchema.JSONRPCMessage> type = !node.has("method") ? McpSchema.JSONRPCResponse.class
                : node.has("id") ? McpSchema.JSONRPCRequest.class : McpSchema.JSONRPCNotification.class;
        try {
            return MESSAGES.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private boolean refuseWhenClosing(RoutingContext rc) {
        if (closing) {
            fail(rc, 503, McpSchema.ErrorCodes.INTERNAL_ERROR, "server is shutting down");
        }
        return closing;
    }

    private SessionEntry requireSession(RoutingContext rc) {
        String id = rc.request().getHeader(HttpHeaders.MCP_SESSION_ID);
        if (id == null || id.isBlank()) {
            fail(rc, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "Mcp-Session-Id header required");
            return null;
        }
        SessionEntry entry = sessions.get(id);
        if (entry == null) {
            fail(rc, 404, McpSchema.ErrorCodes.INVALID_REQUEST, "session not found: " + id);
            return null;
        }
        entry.lastSeenMillis = System.currentTimeMillis();
        return entry;
    }

    private boolean checkProtocolVersion(RoutingContext rc) {
        String version = rc.request().getHeader(HttpHeaders.PROTOCOL_VERSION);
        if (version == null || VERSION_SET.contains(version)) {
            return true;
        }
        fail(rc, 400, McpSchema.ErrorCodes.INVALID_REQUEST, "unsupported MCP-Protocol-Version " + version
                + "; supported: " + String.join(", ", VERSIONS));
        return false;
    }

    private static McpTransportContext transportContext(RoutingContext rc, String sessionId) {
        String version = rc.request().getHeader(HttpHeaders.PROTOCOL_VERSION);
        return McpTransportContext.create(Map.of(
                "sessionId", sessionId,
                "protocolVersion", version == null ? DEFAULT_PROTOCOL_VERSION : version));
    }

    private String encode(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
