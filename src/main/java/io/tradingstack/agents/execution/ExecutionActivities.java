package io.tradingstack.agents.execution;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The execution agent's effects: its stored state, what it observes, the orders it places and the decisions it records. */
@ActivityInterface(namePrefix = "Execution")
public interface ExecutionActivities {
    /** The stored state, or null when the agent has never saved one. */
    @ActivityMethod
    ExecutionState loadState();

    /** Stores the state at this revision; an older revision never replaces a newer one. */
    @ActivityMethod
    void saveState(ExecutionState state, long revision);

    /** Per symbol: the active spec's proposal on the latest closed bar, the price, features and position. */
    @ActivityMethod
    Observation.Batch observe(ObserveRequest request);

    /**
     * Places one market order with {@code clientOrderId} through PlaceOrderWorkflow (the risk gate
     * judges it first); placing the same id again answers the original order's result.
     */
    @ActivityMethod
    OrderOutcome place(String clientOrderId, Intent intent);

    /** Stores the decision (idempotent on its id) and logs it on one INFO line. */
    @ActivityMethod
    void record(DecisionRecord decision);
}
