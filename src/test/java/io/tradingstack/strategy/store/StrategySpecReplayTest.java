package io.tradingstack.strategy.store;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Determinism: the committed history of a store run (updates, a repeated save, refused updates with
 * their codes, a delete; recorded by {@link StrategySpecStoreTest} with -Drecord.histories=true)
 * replays on the current code.
 */
class StrategySpecReplayTest {

    @Test
    void theCommittedHistoryReplays() throws Exception {
        String json = Files.readString(Path.of("src", "test", "resources", "histories", "strategy-spec-store.json"));
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), StrategySpecWorkflowImpl.class);
    }
}
