package io.tradingstack.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.temporal.failure.ApplicationFailure;
import io.tradingstack.bus.ErrorCode;

/**
 * Keeps business rejections out of the WARN stream: the Temporal SDK logs every failed activity
 * attempt with its stack trace, including the non-retryable, coded ones (insufficient cash, bad
 * backtest data, a symbol that is not streamed) that our own INFO lines already report with their
 * code. Retryable failures and anything uncoded still reach the log. An appender filter, so it
 * costs nothing on the (many) log calls that are below the level anyway.
 */
public final class BusinessFailureFilter extends Filter<ILoggingEvent> {
    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!(event.getThrowableProxy() instanceof ThrowableProxy proxy) || !event.getLoggerName().startsWith("io.temporal")) {
            return FilterReply.NEUTRAL;
        }
        return coded(proxy.getThrowable()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** A non-retryable failure whose type is one of our error codes, anywhere in the cause chain. */
    static boolean coded(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ApplicationFailure a && a.isNonRetryable() && ErrorCode.named(a.getType()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
