package io.tradingstack.runtime;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.temporal.failure.ApplicationFailure;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How activities talk to verticles: an event-bus request with a bounded wait on the activity
 * thread (never an event loop). Transport failures are retryable; coded business and validation
 * failures become non-retryable {@link ApplicationFailure}s whose type is the error code name.
 */
public final class BusBridge {
    private static final Set<ErrorCode> RETRYABLE = EnumSet.of(ErrorCode.BUS_TIMEOUT, ErrorCode.BUS_NO_HANDLER,
            ErrorCode.INTERNAL, ErrorCode.LEDGER_STORAGE, ErrorCode.STATE_STORAGE, ErrorCode.TEMPORAL_UNAVAILABLE,
            ErrorCode.MARKET_EXCHANGE_ERROR, ErrorCode.STRATEGY_STORAGE);
    private final Vertx vertx;
    private final Duration timeout;

    public BusBridge(Vertx vertx) {
        this(vertx, Duration.ofSeconds(8));
    }

    public BusBridge(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeout = timeout;
    }

    public <T> T request(String address, Object body, Class<T> replyType) {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
        try {
            Object reply = vertx.eventBus().request(address, body, options)
                    .await(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).body();
            return replyType.cast(reply);
        } catch (TimeoutException e) {
            throw failure(ErrorCode.BUS_TIMEOUT, "no reply from " + address);
        } catch (RuntimeException e) {
            ErrorCode code = Replies.codeOf(e);
            throw failure(code, e.getMessage());
        }
    }

    static ApplicationFailure failure(ErrorCode code, String message) {
        String text = code.code() + " " + message;
        return RETRYABLE.contains(code)
                ? ApplicationFailure.newFailure(text, code.name())
                : ApplicationFailure.newNonRetryableFailure(text, code.name());
    }

    /** The error code carried by an activity failure type, if it is one of ours. */
    public static ErrorCode codeOf(String failureType) {
        try {
            return ErrorCode.valueOf(failureType);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ErrorCode.INTERNAL;
        }
    }

    public static CodedException coded(ErrorCode code, String message) {
        return new CodedException(code, message);
    }
}
