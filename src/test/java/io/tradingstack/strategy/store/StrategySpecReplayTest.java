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

    /**
     * Plans with the model's recorded answers (recorded by {@link StrategyPlanTest}): rules that did not
     * compile, the repair round, the coded failure, then a repaired plan stored. The replay reads the
     * answers from the history and makes no model call.
     */
    @Test
    void theCommittedHistoryOfPlansReplays() throws Exception {
        String json = Files.readString(Path.of("src", "test", "resources", "histories", "strategy-spec-plan.json"));
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), StrategySpecWorkflowImpl.class);
    }
}
