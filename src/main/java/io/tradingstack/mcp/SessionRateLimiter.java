package io.tradingstack.mcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tool calls per MCP session per minute, as a token bucket: a session may burst up to the limit and
 * then gets one call back every 60 s / limit. Sessions are forgotten when they end.
 */
public final class SessionRateLimiter {
    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SessionRateLimiter(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    SessionRateLimiter(int perMinute, LongSupplier nanoClock) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("rate limit must be positive");
        }
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /** Takes one call from the session's budget; false when the budget is spent. */
    public boolean tryAcquire(String sessionId) {
        return buckets.computeIfAbsent(sessionId, id -> new Bucket(perMinute, nanoClock.getAsLong()))
                .tryTake(nanoClock.getAsLong());
    }

    /** Seconds until the next call is allowed (at least 1). */
    public long retryAfterSeconds() {
        return Math.max(1, 60 / perMinute);
    }

    public void forget(String sessionId) {
        buckets.remove(sessionId);
    }

    private static final class Bucket {
        private final double capacity;
        private final double refillPerNano;
        private double tokens;
        private long last;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.refillPerNano = perMinute / 60e9;
            this.tokens = perMinute;
            this.last = now;
        }

        synchronized boolean tryTake(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * refillPerNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
