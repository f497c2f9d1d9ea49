package io.tradingstack.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The one way tests wait for something to happen: poll a condition (Awaitility) every 50 ms until it
 * holds, failing with what was awaited once the bound has passed. An exception thrown by the
 * condition fails at once. Never a fixed sleep.
 */
public final class Eventually {
    /** The bound when a test names none. */
    public static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    public static void eventually(String what, Callable<Boolean> condition) {
        eventually(DEFAULT, what, condition);
    }

    public static void eventually(Duration limit, String what, Callable<Boolean> condition) {
        try {
            Awaitility.await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(POLL).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not reached within " + limit.toSeconds() + " s: " + what, e);
        }
    }

    /** Polls {@code value} until {@code done} accepts it and returns that value. */
    public static <T> T eventuallyGet(Duration limit, String what, Callable<T> value, java.util.function.Predicate<T> done) {
        try {
            return Awaitility.await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(POLL).until(value, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not reached within " + limit.toSeconds() + " s: " + what, e);
        }
    }
}
