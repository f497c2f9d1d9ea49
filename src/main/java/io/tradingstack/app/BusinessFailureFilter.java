package io.tradingstack.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.temporal.failure.ApplicationFailure;
import io.tradingstack.bus.ErrorCode;
import org.slf4j.Marker;

/**
 * Keeps business rejections out of the WARN stream: the Temporal SDK logs every failed activity
 * attempt with its stack trace, including the non-retryable, coded ones (insufficient cash, bad
 * backtest data, a symbol that is not streamed) that our own INFO lines already report with their
 * code. Retryable failures and anything uncoded still reach the log.
 */
public final class BusinessFailureFilter extends TurboFilter {
    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // SLF4J passes a throwable given as the last argument in params; logback extracts it only later
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable x ? x : null;
        if (thrown == null || logger == null || !logger.getName().startsWith("io.temporal")) {
            return FilterReply.NEUTRAL;
        }
        for (Throwable c = thrown; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ApplicationFailure a && a.isNonRetryable() && ErrorCode.named(a.getType()).isPresent()) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }
}
