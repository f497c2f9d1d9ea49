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
        if (full()) {
            backlog.offer(symbol, text);
            if (overSinceNanos < 0) {
                overSinceNanos = System.nanoTime();
            }
            return;
        }
        if (!backlog.isEmpty()) {
            backlog.remove(symbol);
            flush();
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
        while (!backlog.isEmpty() && !full() && !socket.isClosed()) {
            backlog.drain().forEach(this::write);
        }
        if (backlog.isEmpty() && !full()) {
            overSinceNanos = -1;
        }
    }

    /** Whether the socket's write queue is over TICKER_BUFFER_BYTES (false once closed). */
    boolean full() {
        return !socket.isClosed() && socket.writeQueueFull();
    }

    boolean overLimitFor(long nanos, long now) {
        return overSinceNanos >= 0 && now - overSinceNanos > nanos;
    }

    private void write(String text) {
        socket.writeTextMessage(text);
    }
}
