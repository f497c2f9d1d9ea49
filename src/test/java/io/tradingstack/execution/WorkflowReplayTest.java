package io.tradingstack.execution;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Determinism: committed histories (recorded by {@link WorkflowHistoryRecorder}) replay on the current code. */
class WorkflowReplayTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "place-order-market.json, io.tradingstack.execution.PlaceOrderWorkflowImpl",
            "place-order-limit.json, io.tradingstack.execution.PlaceOrderWorkflowImpl",
            "resting-order.json, io.tradingstack.execution.RestingOrderWorkflowImpl",
            "execution-ledger.json, io.tradingstack.ledger.ExecutionLedgerWorkflowImpl",
            "sweep-walk-forward.json, io.tradingstack.backtest.sweep.SweepWorkflowImpl"})
    void replays(String file, String implementation) throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/histories/" + file)) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Class<?> impl = Class.forName(implementation);
        WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), impl,
                impl.equals(PlaceOrderWorkflowImpl.class) ? new Class<?>[]{RestingOrderWorkflowImpl.class} : new Class<?>[0]);
    }
}
