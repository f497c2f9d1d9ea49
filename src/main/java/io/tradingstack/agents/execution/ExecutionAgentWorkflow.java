package io.tradingstack.agents.execution;

import io.tradingstack.bus.DurableNames;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.Map;

/**
 * The execution agent, one singleton per task queue ({@value DurableNames.ExecutionAgent#ID} on
 * the default one). A durable timer nudges it every EXECUTION_NUDGE_SECONDS (a {@code nudge}
 * signal nudges it at once); on each nudge it observes every symbol, lets the gate decide whether
 * the model is consulted, turns the answer (or the spec's rules) into intents, places them through
 * the risk gate and PlaceOrderWorkflow with client_order_id {@code <workflow id>:<seq>:<symbol>},
 * and records every decision in PostgreSQL. Its state is saved to PostgreSQL and read back on a
 * fresh start.
 */
@WorkflowInterface
public interface ExecutionAgentWorkflow {
    /** Runs until cancelled; {@code state} is null on a fresh start (then read from PostgreSQL). */
    @WorkflowMethod(name = DurableNames.ExecutionAgent.TYPE)
    void run(ExecutionSettings settings, ExecutionState state);

    @SignalMethod(name = DurableNames.ExecutionAgent.UPDATE_SYSTEM_PROMPT)
    void updateSystemPrompt(PromptSignals.Change change);

    @SignalMethod(name = DurableNames.ExecutionAgent.ROLLBACK_PROMPT)
    void rollbackPrompt(PromptSignals.Rollback rollback);

    /** Merges the given keys into the preferences the model sees. */
    @SignalMethod(name = DurableNames.ExecutionAgent.SET_PREFERENCES)
    void setUserPreferences(Map<String, Object> preferences);

    /** A message for the model, shown with the next consultation, then consumed. */
    @SignalMethod(name = DurableNames.ExecutionAgent.ADD_FEEDBACK)
    void addUserFeedback(String message);

    @SignalMethod(name = DurableNames.ExecutionAgent.PAUSE)
    void pause();

    @SignalMethod(name = DurableNames.ExecutionAgent.RESUME)
    void resume();

    /** Decide now instead of at the next timer. */
    @SignalMethod(name = DurableNames.ExecutionAgent.NUDGE)
    void nudge();

    @QueryMethod(name = DurableNames.ExecutionAgent.GET_STATE)
    ExecutionView getExecutionState();

    static WorkflowOptions options(String taskQueue) {
        return WorkflowOptions.newBuilder().setWorkflowId(DurableNames.ExecutionAgent.id(taskQueue)).setTaskQueue(taskQueue).build();
    }

    /** Starts the agent with these settings unless it is already running (its state is read from PostgreSQL). */
    static void ensureStarted(WorkflowClient client, String taskQueue, ExecutionSettings settings) {
        ExecutionAgentWorkflow stub = client.newWorkflowStub(ExecutionAgentWorkflow.class, options(taskQueue));
        try {
            WorkflowClient.start(stub::run, settings, null);
        } catch (io.temporal.client.WorkflowExecutionAlreadyStarted running) {
            // one agent per task queue: the running one is the one we want
        }
    }
}
