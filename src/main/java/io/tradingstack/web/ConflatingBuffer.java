package io.tradingstack.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a slow ticker client has not been sent yet: at most one pending message per symbol (a
 * newer tick replaces the older one), so the backlog is bounded by the number of symbols however
 * far behind the client is. Not thread-safe.
 */
public final class ConflatingBuffer {
    private final Map<String, String> pending = new LinkedHashMap<>();
    private long conflated;

    /** Queues the message of a symbol, replacing a pending one of the same symbol. */
    public void offer(String symbol, String message) {
        if (pending.remove(symbol) != null) {
            conflated++;
        }
        pending.put(symbol, message);
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    public int size() {
        return pending.size();
    }

    /** Messages replaced before they could be sent. */
    public long conflated() {
        return conflated;
    }

    /** Removes and returns the pending messages, oldest symbol first. */
    public List<String> drain() {
        List<String> out = new ArrayList<>(pending.values());
        pending.clear();
        return out;
    }

    public void remove(String symbol) {
        pending.remove(symbol);
    }
}
