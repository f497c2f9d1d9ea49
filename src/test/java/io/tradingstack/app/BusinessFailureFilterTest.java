package io.tradingstack.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Coded, non-retryable activity failures are not logged as traces; everything else is. */
class BusinessFailureFilterTest {
    private final BusinessFailureFilter filter = new BusinessFailureFilter();
    private final LoggerContext context = new LoggerContext();

    @Test
    void dropsOnlyCodedNonRetryableFailures() {
        ApplicationFailure business = ApplicationFailure.newNonRetryableFailure("no data", "BACKTEST_BAD_DATA");
        ApplicationFailure transport = ApplicationFailure.newFailure("refused", "LEDGER_STORAGE");
        ApplicationFailure foreign = ApplicationFailure.newNonRetryableFailure("boom", "SomethingElse");
        String temporal = "io.temporal.internal.activity.ActivityTaskExecutors";
        assertEquals(FilterReply.DENY, decide(temporal, business));
        assertEquals(FilterReply.DENY, decide(temporal, new RuntimeException("wrapped", business)));
        assertEquals(FilterReply.NEUTRAL, decide(temporal, transport));
        assertEquals(FilterReply.NEUTRAL, decide(temporal, foreign));
        assertEquals(FilterReply.NEUTRAL, decide(temporal, null));
        assertEquals(FilterReply.NEUTRAL, decide("io.tradingstack.mcp.ToolCatalogue", business));
    }

    private FilterReply decide(String logger, Throwable t) {
        return filter.decide(new LoggingEvent("test", context.getLogger(logger), Level.WARN, "Activity failure", t, null));
    }
}
