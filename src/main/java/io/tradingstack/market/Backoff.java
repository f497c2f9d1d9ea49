package io.tradingstack.market;

import java.util.random.RandomGenerator;

/**
 * Exponential reconnect backoff with "equal jitter": the n-th delay lies in [d/2, d] where
 * d = min(max, base * 2^n), so a fleet of clients does not reconnect in lockstep after an outage.
 */
public final class Backoff {
    private final long baseMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(long baseMs, long maxMs, RandomGenerator random) {
        this.baseMs = baseMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    public long nextDelayMs() {
        long ceiling = Math.min(maxMs, baseMs << Math.min(attempt, 30));
        attempt++;
        long half = ceiling / 2;
        return half + (half == 0 ? 0 : random.nextLong(half + 1));
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
