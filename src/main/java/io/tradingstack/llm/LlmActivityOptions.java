package io.tradingstack.llm;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.tradingstack.bus.ErrorCode;

import java.time.Duration;

/** Activity options for {@link LlmActivities}: the overall bound and a few transport retries. */
public final class LlmActivityOptions {
    /** Attempts of the activity itself; the service has already retried the endpoint inside each. */
    public static final int MAX_ATTEMPTS = 3;

    private LlmActivityOptions() {
    }

    public static ActivityOptions options() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(LlmActivities.START_TO_CLOSE)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(2))
                        .setBackoffCoefficient(2)
                        .setMaximumInterval(Duration.ofSeconds(30))
                        .setMaximumAttempts(MAX_ATTEMPTS)
                        .setDoNotRetry(ErrorCode.LLM_BAD_REQUEST.name(), ErrorCode.LLM_BAD_RESPONSE.name(),
                                ErrorCode.LLM_CAP_REACHED.name(), ErrorCode.BUS_BAD_MESSAGE.name())
                        .build())
                .build();
    }
}
