package io.tradingstack.llm.local;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tradingstack.bus.Json;
import io.tradingstack.llm.LlmResponse;
import io.tradingstack.llm.TokenUsage;
import io.tradingstack.llm.offline.OfflineProvider;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A local OpenAI-compatible server for tests and demos: {@code POST /v1/chat/completions} in the
 * real wire format (JSON or SSE), so openai-java runs over real sockets. Each request takes the
 * next scripted reply from the queue, else asks the fallback function, else answers by the offline
 * rules. Every request is recorded as received (headers included, so a test can check the bearer
 * key). Binds to 127.0.0.1 only.
 */
public final class LocalOpenAiServer implements AutoCloseable {
    private static final long MAX_BODY = 8L * 1024 * 1024;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Deque<ScriptedReply> queue = new ArrayDeque<>();
    private final List<RecordedRequest> received = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final OfflineProvider rules = new OfflineProvider(List.of());
    private volatile Function<RecordedRequest, ScriptedReply> fallback;
    private HttpServer server;

    private LocalOpenAiServer(Vertx vertx, boolean ownsVertx) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
    }

    /** Starts on a free loopback port with a Vert.x of its own. */
    public static LocalOpenAiServer start() {
        return start(Vertx.vertx(), true, 0);
    }

    /** Starts on {@code port} (0 = any free one) of 127.0.0.1 on the given Vert.x. */
    public static LocalOpenAiServer start(Vertx vertx, int port) {
        return start(vertx, false, port);
    }

    private static LocalOpenAiServer start(Vertx vertx, boolean owns, int port) {
        LocalOpenAiServer s = new LocalOpenAiServer(vertx, owns);
        Router router = Router.router(vertx);
        router.post("/v1/chat/completions").handler(BodyHandler.create().setBodyLimit(MAX_BODY)).handler(s::handle);
        try {
            s.server = vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("local OpenAI server did not start: " + e.getMessage(), e);
        }
        return s;
    }

    /** The base URL to configure (OPENAI_BASE_URL), ending in /v1. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/v1";
    }

    /** Queues replies, answered in order, one per request. */
    public synchronized LocalOpenAiServer enqueue(ScriptedReply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    /** Answers requests the queue does not cover; null restores the offline rules. */
    public LocalOpenAiServer fallback(Function<RecordedRequest, ScriptedReply> answer) {
        this.fallback = answer;
        return this;
    }

    /** Drops queued replies and the fallback (between tests); recorded requests stay. */
    public synchronized LocalOpenAiServer clear() {
        queue.clear();
        fallback = null;
        return this;
    }

    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(received);
    }

    public synchronized int pending() {
        return queue.size();
    }

    private void handle(RoutingContext rc) {
        RecordedRequest request;
        try {
            request = record(rc);
        } catch (RuntimeException e) {
            send(rc.response(), 400, CompletionWire.error(400, "body is not a JSON object: " + e.getMessage()));
            return;
        }
        ScriptedReply reply = next(request);
        if (reply.delay().isZero()) {
            respond(rc, request, reply);
        } else {
            vertx.setTimer(reply.delay().toMillis(), t -> respond(rc, request, reply));
        }
    }

    private synchronized RecordedRequest record(RoutingContext rc) {
        Map<String, String> headers = new LinkedHashMap<>();
        rc.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue()));
        Map<String, Object> body;
        try {
            body = Json.MAPPER.readValue(rc.body().asString(), new TypeReference<Map<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
        RecordedRequest r = new RecordedRequest(rc.request().path(), Map.copyOf(headers), body, System.nanoTime());
        received.add(r);
        return r;
    }

    private ScriptedReply next(RecordedRequest request) {
        synchronized (this) {
            if (!queue.isEmpty()) {
                return queue.poll();
            }
        }
        Function<RecordedRequest, ScriptedReply> f = fallback;
        try {
            return f != null ? f.apply(request) : byRules(request);
        } catch (RuntimeException e) {
            return ScriptedReply.error(400, "could not answer: " + e.getMessage());
        }
    }

    private ScriptedReply byRules(RecordedRequest request) {
        var llmRequest = WireRequests.toRequest(request);
        LlmResponse answer = rules.complete(llmRequest, request.model(), null);
        return answer.hasToolCalls() ? ScriptedReply.toolCalls(answer.toolCalls()) : ScriptedReply.text(answer.text());
    }

    private void respond(RoutingContext rc, RecordedRequest request, ScriptedReply reply) {
        HttpServerResponse res = rc.response();
        switch (reply.kind()) {
            case ERROR -> {
                if (reply.retryAfter() != null) {
                    res.putHeader("Retry-After", reply.retryAfter());
                }
                send(res, reply.status(), CompletionWire.error(reply.status(), reply.content()));
            }
            case MALFORMED -> send(res, 200, reply.rawBody());
            case COMPLETION -> complete(res, request, reply);
        }
    }

    private void complete(HttpServerResponse res, RecordedRequest request, ScriptedReply reply) {
        String id = "chatcmpl-local-" + ids.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        TokenUsage usage = reply.usage() != null ? reply.usage() : estimate(request, reply);
        if (!request.stream()) {
            send(res, 200, CompletionWire.completion(id, request.model(), created, reply, usage));
            return;
        }
        boolean includeUsage = request.body().get("stream_options") instanceof Map<?, ?> o
                && Boolean.TRUE.equals(o.get("include_usage"));
        res.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control", "no-cache");
        for (String data : CompletionWire.chunks(id, request.model(), created, reply, usage, includeUsage)) {
            res.write("data: " + data + "\n\n");
        }
        res.end();
    }

    private static TokenUsage estimate(RecordedRequest request, ScriptedReply reply) {
        long in = (Json.write(request.messages()).length() + 3) / 4;
        String out = (reply.content() == null ? "" : reply.content()) + Json.write(reply.toolCalls());
        return new TokenUsage(in, (out.length() + 3) / 4);
    }

    private static void send(HttpServerResponse res, int status, String body) {
        res.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    @Override
    public void close() {
        try {
            server.close().await(5, TimeUnit.SECONDS);
            if (ownsVertx) {
                vertx.close().await(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // closing is best effort: the port is released when the JVM exits
        }
    }
}
