package io.tradingstack.execution;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;

import java.time.Duration;

/**
 * Activity options of the order workflows: transport failures (ledger storage down, no market
 * reply) retry with backoff for as long as it takes; coded business failures are non-retryable.
 */
final class OrderActivityOptions {
    private OrderActivityOptions() {
    }

    static ActivityOptions get() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(20))
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(500))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofSeconds(5))
                        .build())
                .build();
    }
}
