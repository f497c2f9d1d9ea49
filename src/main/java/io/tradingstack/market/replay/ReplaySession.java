package io.tradingstack.market.replay;

import io.vertx.core.http.ServerWebSocket;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One WebSocket client of the replay exchange and its channel subscriptions. */
final class ReplaySession {
    static final Set<String> CHANNELS = Set.of("ticker", "matches", "heartbeat");
    final ServerWebSocket socket;
    final Map<String, Set<String>> channels = new LinkedHashMap<>();

    ReplaySession(ServerWebSocket socket) {
        this.socket = socket;
    }

    boolean wants(String channel, String product) {
        Set<String> ids = channels.get(channel);
        return ids != null && ids.contains(product);
    }

    void add(String channel, String product) {
        channels.computeIfAbsent(channel, c -> new LinkedHashSet<>()).add(product);
    }

    void remove(String channel, String product) {
        Set<String> ids = channels.get(channel);
        if (ids != null) {
            ids.remove(product);
            if (ids.isEmpty()) {
                channels.remove(channel);
            }
        }
    }
}
