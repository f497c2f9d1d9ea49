package io.tradingstack.llm;

import java.time.Duration;

/**
 * Why one provider attempt produced no usable response. The kind decides what the service does:
 * retry with backoff, give up with a code, or treat the answer as malformed (one repair round).
 */
public final class ProviderException extends Exception {
    public enum Kind {
        /** 408, 409, 429, 5xx, timeouts, connection failures: retried with backoff. */
        RETRYABLE,
        /** 400, 404, 413, 422: the endpoint refused this request; retrying cannot help. */
        REFUSED,
        /** 401, 403: the endpoint refused the credentials; a configuration problem. */
        UNAUTHORIZED,
        /** HTTP 200 whose body is not a readable chat completion. */
        MALFORMED
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    public ProviderException(Kind kind, int status, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public ProviderException(Kind kind, int status, String message) {
        this(kind, status, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none (timeout, connection failure). */
    public int status() {
        return status;
    }

    /** The server's Retry-After / retry-after-ms, or null when it sent none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
