package io.tradingstack.execution;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;

import java.time.Duration;

/**
 * Activity options of the order workflows: transport failures (ledger storage down, no market
 * reply) retry with backoff for at most {@link #MAX_ATTEMPTS} attempts within {@link #BUDGET}
 * (about two minutes: a PostgreSQL restart fits, a dead database does not wedge the order);
 * coded business and data failures are non-retryable.
 */
final class OrderActivityOptions {
    static final int MAX_ATTEMPTS = 30;
    static final Duration BUDGET = Duration.ofMinutes(3);
    private OrderActivityOptions() {
    }

    static ActivityOptions get() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(20))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(500))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofSeconds(5))
                        .setMaximumAttempts(MAX_ATTEMPTS)
                        .build())
                .setScheduleToCloseTimeout(BUDGET)
                .build();
    }
}
