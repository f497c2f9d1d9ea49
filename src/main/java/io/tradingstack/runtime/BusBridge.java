package io.tradingstack.runtime;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.temporal.failure.ApplicationFailure;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How activities talk to verticles: an event-bus request with a bounded wait on the activity
 * thread (never an event loop). A failure becomes an {@link ApplicationFailure} whose type is the
 * error code's name, retryable exactly when {@link ErrorCode#retryable()} says so (unavailability);
 * coded business and validation failures and uncoded ones ({@link ErrorCode#INTERNAL}) are not.
 */
public final class BusBridge {
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
        DeliveryOptions options = TraceHeaders.inject(new DeliveryOptions().setSendTimeout(timeout.toMillis()));
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

    /** The activity failure of a coded error: typed by the code's name, retryable as the code says. */
    public static ApplicationFailure failure(ErrorCode code, String message) {
        String text = code.code() + " " + message;
        return code.retryable()
                ? ApplicationFailure.newFailure(text, code.name())
                : ApplicationFailure.newNonRetryableFailure(text, code.name());
    }

    public static CodedException coded(ErrorCode code, String message) {
        return new CodedException(code, message);
    }
}
