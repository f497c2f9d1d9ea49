package io.tradingstack.ledger;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.model.Fill;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;
import java.util.Map;

/**
 * The long-running ledger workflow (id {@link DurableNames.Ledger#id}: {@code mock-ledger} on the
 * default task queue): records fills signalled by order
 * workflows through an idempotent activity and answers portfolio queries. PostgreSQL is the
 * source of truth; the workflow's state is a cache rebuilt from it on every (re)start.
 */
@WorkflowInterface
public interface ExecutionLedgerWorkflow {
    @WorkflowMethod(name = DurableNames.Ledger.TYPE)
    void run();

    @SignalMethod(name = DurableNames.Ledger.RECORD_FILL)
    void recordFill(Fill fill);

    @QueryMethod(name = DurableNames.Ledger.PORTFOLIO_STATUS)
    Map<String, Object> portfolioStatus();

    /** Fills newest first; {@code since} is ISO-8601 or null, {@code symbol} null for all. */
    @QueryMethod(name = DurableNames.Ledger.TRANSACTION_HISTORY)
    List<PostedFill> transactionHistory(String since, Integer limit, String symbol);

    /** Metrics over the last {@code windowSeconds} of the equity curve (null: all of it). */
    @QueryMethod(name = DurableNames.Ledger.PERFORMANCE_METRICS)
    Map<String, Object> performanceMetrics(Long windowSeconds);

    @QueryMethod(name = DurableNames.Ledger.RISK_METRICS)
    Map<String, Object> riskMetrics();

    /** True once the run has its first snapshot from PostgreSQL; until then the other queries fail with NOT_READY. */
    @QueryMethod(name = DurableNames.Ledger.LOADED)
    boolean loaded();

    /** Signals a fill to the ledger workflow of {@code taskQueue}, starting it if it is not running. */
    static void signal(WorkflowClient client, String taskQueue, Fill fill) {
        // A plain signal first: the embedded test server records a signal-with-start to a running
        // workflow without scheduling a workflow task, so the fill would wait for the next timer.
        try {
            client.newWorkflowStub(ExecutionLedgerWorkflow.class, DurableNames.Ledger.id(taskQueue)).recordFill(fill);
            return;
        } catch (io.temporal.client.WorkflowNotFoundException notRunning) {
            // not running: signal-with-start below creates it with the fill queued
        }
        ExecutionLedgerWorkflow stub = client.newWorkflowStub(ExecutionLedgerWorkflow.class, options(taskQueue));
        BatchRequest request = client.newSignalWithStartRequest();
        request.add(stub::run);
        request.add(stub::recordFill, fill);
        client.signalWithStart(request);
    }

    /** Starts the workflow unless it is already running. */
    static void ensureStarted(WorkflowClient client, String taskQueue) {
        ExecutionLedgerWorkflow stub = client.newWorkflowStub(ExecutionLedgerWorkflow.class, options(taskQueue));
        try {
            WorkflowClient.start(stub::run);
        } catch (io.temporal.client.WorkflowExecutionAlreadyStarted running) {
            // one ledger workflow per namespace: the running one is the one we want
        }
    }

    static WorkflowOptions options(String taskQueue) {
        return WorkflowOptions.newBuilder().setWorkflowId(DurableNames.Ledger.id(taskQueue)).setTaskQueue(taskQueue).build();
    }
}
