package io.tradingstack.bench.mcp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A light load generator speaking MCP Streamable HTTP directly (initialize, initialized, then
 * tools/call or ping in a closed loop, one request in flight per session) on a Vert.x HTTP client,
 * so the client's own cost does not hide the server's on a small machine.
 */
final class RawMcpLoad {
    private final Vertx vertx;
    private final HttpClient http;
    private final int port;

    RawMcpLoad(Vertx vertx, int port, int sessions) {
        this.vertx = vertx;
        this.port = port;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1")
                .setDefaultPort(port), new PoolOptions().setHttp1MaxSize(sessions));
    }

    /** Opens {@code n} sessions; returns their ids. */
    Future<List<String>> open(int n) {
        List<Future<String>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonObject init = new JsonObject().put("jsonrpc", "2.0").put("id", 0).put("method", "initialize")
                    .put("params", new JsonObject().put("protocolVersion", "2025-06-18").put("capabilities", new JsonObject())
                            .put("clientInfo", new JsonObject().put("name", "bench").put("version", "1")));
            all.add(post(null, init).compose(r -> {
                String id = r.session;
                JsonObject initialized = new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized");
                return post(id, initialized).map(x -> id);
            }));
        }
        return Future.all(all).map(cf -> all.stream().map(Future::result).toList());
    }

    /** Runs every session in a closed loop until the deadline; returns per-call latencies in ns. */
    Future<long[]> run(List<String> sessions, String tool, long deadlineNanos, AtomicLong errors) {
        List<Future<long[]>> loops = sessions.stream().map(s -> loop(s, tool, deadlineNanos, errors)).toList();
        return Future.all(loops).map(cf -> loops.stream().map(Future::result)
                .flatMapToLong(Arrays::stream).sorted().toArray());
    }

    private Future<long[]> loop(String session, String tool, long deadline, AtomicLong errors) {
        Promise<long[]> done = Promise.promise();
        long[][] lat = {new long[1 << 14]};
        int[] n = {0};
        JsonObject body = "ping".equals(tool)
                ? new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", "ping")
                : new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", "tools/call")
                .put("params", new JsonObject().put("name", tool).put("arguments", new JsonObject()));
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (System.nanoTime() >= deadline) {
                done.complete(Arrays.copyOf(lat[0], n[0]));
                return;
            }
            long t0 = System.nanoTime();
            post(session, body).onComplete(ar -> {
                long dt = System.nanoTime() - t0;
                if (ar.failed() || ar.result().json.containsKey("error")
                        || ar.result().json.getJsonObject("result", new JsonObject()).getBoolean("isError", false)) {
                    errors.incrementAndGet();
                }
                if (n[0] == lat[0].length) {
                    lat[0] = Arrays.copyOf(lat[0], n[0] * 2);
                }
                lat[0][n[0]++] = dt;
                next[0].run();
            });
        };
        next[0].run();
        return done.future();
    }

    private record Reply(String session, JsonObject json) {
    }

    private Future<Reply> post(String session, JsonObject message) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI("/mcp")
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json, text/event-stream");
        if (session != null) {
            options.putHeader("Mcp-Session-Id", session).putHeader("MCP-Protocol-Version", "2025-06-18");
        }
        return http.request(options)
                .compose(req -> req.send(message.toBuffer()))
                .compose(resp -> resp.body().map(b -> new Reply(
                        resp.getHeader("Mcp-Session-Id") != null ? resp.getHeader("Mcp-Session-Id") : session,
                        b.length() == 0 ? new JsonObject() : parse(b.toString()))));
    }

    /** JSON body, or the last SSE data line when the server chose to stream. */
    private static JsonObject parse(String body) {
        if (body.startsWith("{")) {
            return new JsonObject(body);
        }
        String last = body.lines().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b).orElse("data: {}");
        return new JsonObject(last.substring(6));
    }

    Future<Void> close() {
        return http.close();
    }
}
