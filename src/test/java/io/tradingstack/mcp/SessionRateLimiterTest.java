package io.tradingstack.mcp;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRateLimiterTest {
    @Test
    void burstUpToTheLimitThenRefillsOverTheMinute() {
        AtomicLong now = new AtomicLong();
        SessionRateLimiter limiter = new SessionRateLimiter(60, now::get);
        for (int i = 0; i < 60; i++) {
            assertTrue(limiter.tryAcquire("a"));
        }
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"), "sessions have separate budgets");
        now.addAndGet(1_000_000_000L);
        assertTrue(limiter.tryAcquire("a"), "one call back per second at 60/min");
        assertFalse(limiter.tryAcquire("a"));
        limiter.forget("a");
        assertTrue(limiter.tryAcquire("a"));
    }
}
