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

    /** The prompt version in force in the prompt store (version 1, the built-in text, when there is none). */
    @ActivityMethod
    PromptSignals.Version currentPrompt();

    /** Stores a new version (or none when the text is the one in force) and answers the version in force. */
    @ActivityMethod
    PromptSignals.Version changePrompt(PromptSignals.Change change);

    /** Puts a stored version back in force and answers it. */
    @ActivityMethod
    PromptSignals.Version rollbackPrompt(PromptSignals.Rollback rollback);

    /** Stores a message of the user to the agent (pending until a consultation shows it to the model). */
    @ActivityMethod
    void addFeedback(String message);

    /** The user's pending messages to the agent, oldest first. */
    @ActivityMethod
    java.util.List<PromptSignals.Note> pendingFeedback();

    /** Marks messages as shown to the model by this workflow. */
    @ActivityMethod
    void consumeFeedback(java.util.List<Long> ids);

    /** Stores the decision (idempotent on its id) and logs it on one INFO line. */
    @ActivityMethod
    void record(DecisionRecord decision);
}
