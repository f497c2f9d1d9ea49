package io.tradingstack.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Coded, non-retryable activity failures are not logged as traces; everything else is. */
class BusinessFailureFilterTest {
    private final BusinessFailureFilter filter = new BusinessFailureFilter();
    private final LoggerContext context = new LoggerContext();
    private final ch.qos.logback.classic.Logger temporal = context.getLogger("io.temporal.internal.activity.ActivityTaskExecutors");

    @Test
    void dropsOnlyCodedNonRetryableFailures() {
        ApplicationFailure business = ApplicationFailure.newNonRetryableFailure("no data", "BACKTEST_BAD_DATA");
        ApplicationFailure transport = ApplicationFailure.newFailure("refused", "LEDGER_STORAGE");
        ApplicationFailure foreign = ApplicationFailure.newNonRetryableFailure("boom", "SomethingElse");
        assertEquals(FilterReply.DENY, decide(temporal, business, true));
        assertEquals(FilterReply.DENY, decide(temporal, new RuntimeException("wrapped", business), false));
        assertEquals(FilterReply.NEUTRAL, decide(temporal, transport, true));
        assertEquals(FilterReply.NEUTRAL, decide(temporal, foreign, true));
        assertEquals(FilterReply.NEUTRAL, decide(context.getLogger("io.tradingstack.mcp.ToolCatalogue"), business, true));
    }

    private FilterReply decide(ch.qos.logback.classic.Logger logger, Throwable t, boolean asParam) {
        return asParam
                ? filter.decide(null, logger, Level.WARN, "Activity failure {}", new Object[]{"id", t}, null)
                : filter.decide(null, logger, Level.WARN, "Activity failure", null, t);
    }
}
