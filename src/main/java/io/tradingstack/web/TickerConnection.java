package io.tradingstack.web;

import io.vertx.core.http.ServerWebSocket;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One ticker client: its subscriptions and its outbound path. Ticks go straight to the socket
 * while its write queue (TICKER_BUFFER_BYTES) has room, and into a {@link ConflatingBuffer}
 * otherwise; {@code overSince} marks when the client fell behind, for the slow-consumer cut-off.
 */
final class TickerConnection {
    final ServerWebSocket socket;
    final Set<String> symbols = new LinkedHashSet<>();
    final ConflatingBuffer backlog = new ConflatingBuffer();
    long overSinceNanos = -1;
    long sent;

    TickerConnection(ServerWebSocket socket, int bufferBytes) {
        this.socket = socket;
        socket.setWriteQueueMaxSize(bufferBytes);
        socket.drainHandler(v -> flush());
    }

    /** Sends a tick now or keeps the newest one per symbol until the socket drains. */
    void offerTick(String symbol, String text) {
        if (socket.isClosed()) {
            return;
        }
        if (!backlog.isEmpty() || socket.writeQueueFull()) {
            backlog.offer(symbol, text);
            if (overSinceNanos < 0) {
                overSinceNanos = System.nanoTime();
            }
            return;
        }
        write(text);
    }

    /** Control messages (subscribed, errors, heartbeats) are small and rare: always written. */
    void control(String text) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    void flush() {
        while (!backlog.isEmpty() && !socket.writeQueueFull() && !socket.isClosed()) {
            backlog.drain().forEach(this::write);
        }
        if (backlog.isEmpty() && !socket.writeQueueFull()) {
            overSinceNanos = -1;
        }
    }

    boolean overLimitFor(long nanos, long now) {
        return overSinceNanos >= 0 && now - overSinceNanos > nanos;
    }

    private void write(String text) {
        socket.writeTextMessage(text);
        sent++;
    }
}
