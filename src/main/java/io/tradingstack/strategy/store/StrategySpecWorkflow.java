package io.tradingstack.strategy.store;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/**
 * The durable store of strategy specs (reference §2b, id {@value #WORKFLOW_ID}): versioned specs
 * per market and timeframe, persisted in PostgreSQL through an idempotent activity and rebuilt
 * from it whenever the workflow starts (the embedded Temporal keeps no state across restarts).
 * Signal and query names are the reference's.
 */
@WorkflowInterface
public interface StrategySpecWorkflow {
    String WORKFLOW_ID = "strategy-spec-store";
    String TYPE = "StrategySpecWorkflow";
    String DEFAULT_QUEUE = "mcp-tools";
    String UPDATE = "update_strategy_spec";
    String DELETE = "delete_strategy_spec";
    String GET = "get_strategy_spec";
    String GET_BY_ID = "get_strategy_by_id";
    String LIST = "list_strategy_specs";
    String EVENTS = "get_store_events";

    /** {@value #WORKFLOW_ID} on the default task queue; {@code strategy-spec-store-<queue>} on another. */
    static String workflowId(String taskQueue) {
        return DEFAULT_QUEUE.equals(taskQueue) ? WORKFLOW_ID : WORKFLOW_ID + "-" + taskQueue;
    }

    @WorkflowMethod
    void run();

    /** Validates and stores a spec (JSON text) as the active one of its market and timeframe. */
    @SignalMethod(name = UPDATE)
    void update(String specJson);

    /** Deactivates the spec of a market and timeframe (its versions stay in PostgreSQL). */
    @SignalMethod(name = DELETE)
    void delete(String market, String timeframe);

    /** The active spec of a market and timeframe; with timeframe null the most recently stored one of the market. */
    @QueryMethod(name = GET)
    StoredSpec get(String market, String timeframe);

    /** The active spec whose id is {@code specId}, or null. */
    @QueryMethod(name = GET_BY_ID)
    StoredSpec getById(String specId);

    @QueryMethod(name = LIST)
    List<SpecSummary> list();

    /** Outcomes of the latest signals (a rejected update carries its code and message). */
    @QueryMethod(name = EVENTS)
    List<StoreEvent> events();

    static WorkflowOptions options(String taskQueue) {
        return WorkflowOptions.newBuilder().setWorkflowId(workflowId(taskQueue)).setTaskQueue(taskQueue).build();
    }

    /** Starts the store unless it is already running. */
    static void ensureStarted(WorkflowClient client, String taskQueue) {
        StrategySpecWorkflow stub = client.newWorkflowStub(StrategySpecWorkflow.class, options(taskQueue));
        try {
            WorkflowClient.start(stub::run);
        } catch (io.temporal.client.WorkflowExecutionAlreadyStarted running) {
            // one store per task queue: the running one is the one we want
        }
    }
}
