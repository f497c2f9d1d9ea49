package io.tradingstack.market;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Determinism guard: histories recorded from real runs (src/test/resources/histories) must replay
 * against the current workflow code. A change that alters the command sequence fails here.
 */
class MarketWorkflowReplayTest {

    private static String history(String name) throws Exception {
        try (InputStream in = MarketWorkflowReplayTest.class.getResourceAsStream("/histories/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void streamWorkflowReplays() throws Exception {
        WorkflowReplayer.replayWorkflowExecution(history("market-stream.json"), MarketStreamWorkflowImpl.class);
    }

    @Test
    void historicalLoaderReplays() throws Exception {
        WorkflowReplayer.replayWorkflowExecution(history("market-historical-loader.json"), HistoricalDataLoaderWorkflowImpl.class);
    }
}
