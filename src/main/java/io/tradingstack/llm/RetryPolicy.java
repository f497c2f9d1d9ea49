package io.tradingstack.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * Bounded retries of one model call: at most {@code maxRetries}, waiting what the server's
 * Retry-After asks, else 0.5 s doubling; never longer than {@code maxWait}. A server asking for a
 * longer wait ends the call (the caller falls back) instead of parking a worker thread.
 */
public record RetryPolicy(int maxRetries, Duration maxWait, Sleeper sleeper) {
    private static final Duration BASE = Duration.ofMillis(500);

    /** Sleeps; tests substitute one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    public RetryPolicy {
        if (maxRetries < 0 || maxWait == null || maxWait.isNegative() || sleeper == null) {
            throw new IllegalArgumentException("retries >= 0, a max wait and a sleeper are required");
        }
    }

    /** The wait before retry number {@code retry} (1-based), or empty when the call should give up. */
    public Optional<Duration> delay(int retry, Duration retryAfter) {
        if (retry > maxRetries) {
            return Optional.empty();
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(maxWait) > 0 ? Optional.empty()
                    : Optional.of(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        }
        Duration backoff = BASE.multipliedBy(1L << Math.min(retry - 1, 20));
        return Optional.of(backoff.compareTo(maxWait) > 0 ? maxWait : backoff);
    }

    /** The longest time all retries of one call can wait (for the overall bound of a chat). */
    public Duration worstWait() {
        return maxWait.multipliedBy(maxRetries);
    }
}
