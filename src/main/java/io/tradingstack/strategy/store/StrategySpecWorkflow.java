package io.tradingstack.strategy.store;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.strategy.plan.PlanRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/**
 * The durable store of strategy specs (reference §2b, id {@link DurableNames.StrategyStore#id}): versioned specs
 * per market and timeframe, persisted in PostgreSQL through an idempotent activity and rebuilt
 * from it whenever the workflow starts (the embedded Temporal keeps no state across restarts).
 * Signal and query names are the reference's.
 */
@WorkflowInterface
public interface StrategySpecWorkflow {
    @WorkflowMethod(name = DurableNames.StrategyStore.TYPE)
    void run();

    /** Validates and stores a spec (JSON text) as the active one of its market and timeframe. */
    @SignalMethod(name = DurableNames.StrategyStore.UPDATE)
    void update(String specJson);

    /** Deactivates the spec of a market and timeframe (its versions stay in PostgreSQL). */
    @SignalMethod(name = DurableNames.StrategyStore.DELETE)
    void delete(String market, String timeframe);

    /** The active spec of a market and timeframe; with timeframe null the most recently stored one of the market. */
    @QueryMethod(name = DurableNames.StrategyStore.GET)
    StoredSpec get(String market, String timeframe);

    /** The active spec whose id is {@code specId}, or null. */
    @QueryMethod(name = DurableNames.StrategyStore.GET_BY_ID)
    StoredSpec getById(String specId);

    /**
     * Plans a spec from the request's feature vectors with the model (the offline planner without a
     * key), validates it (one repair round), stores it as the active one of its market and timeframe
     * and answers it; a failure is a coded outcome and stores nothing. The model's answers are
     * activity results in this workflow's history.
     */
    @UpdateMethod(name = DurableNames.StrategyStore.PLAN)
    PlanOutcome plan(PlanRequest request);

    /** Refuses a malformed plan request before it is accepted (so it never reaches the history). */
    @UpdateValidatorMethod(updateName = DurableNames.StrategyStore.PLAN)
    void checkPlan(PlanRequest request);

    @QueryMethod(name = DurableNames.StrategyStore.LIST)
    List<SpecSummary> list();

    /** Outcomes of the latest signals (a rejected update carries its code and message). */
    @QueryMethod(name = DurableNames.StrategyStore.EVENTS)
    List<StoreEvent> events();

    static WorkflowOptions options(String taskQueue) {
        return WorkflowOptions.newBuilder().setWorkflowId(DurableNames.StrategyStore.id(taskQueue)).setTaskQueue(taskQueue).build();
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
