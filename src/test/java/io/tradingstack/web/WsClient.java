package io.tradingstack.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test WebSocket client collecting every JSON message; waits are bounded polls on the queue. */
public final class WsClient {
    public final WebSocket socket;
    public final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    public volatile boolean closed;

    private WsClient(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(t -> received.add(new JsonObject(t)));
        socket.closeHandler(v -> closed = true);
    }

    public static WsClient connect(Vertx vertx, int port, String path) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions());
        WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path))
                .await(10, TimeUnit.SECONDS);
        return new WsClient(ws);
    }

    public void send(String text) {
        socket.writeTextMessage(text);
    }

    /** The next message matching {@code filter} within the timeout; others are skipped. */
    public JsonObject next(Predicate<JsonObject> filter, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no matching message within " + timeoutMs + " ms");
            }
            if (filter.test(m)) {
                return m;
            }
        }
    }

    public JsonObject next(String type, long timeoutMs) throws InterruptedException {
        return next(m -> type.equals(m.getString("type")), timeoutMs);
    }
}
