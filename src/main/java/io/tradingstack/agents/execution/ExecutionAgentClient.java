package io.tradingstack.agents.execution;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;

/**
 * The client side of the execution agent of a task queue, shared by its MCP tools and the
 * dashboard so both pause, resume and read it the same way. The Temporal client blocks: call these
 * off the event loop.
 */
public final class ExecutionAgentClient {
    private ExecutionAgentClient() {
    }

    /** What a pause or resume asked for, and of which workflow. */
    public record Switched(@Doc("what was asked") boolean paused,
                           @Doc("the agent's workflow") @JsonProperty("workflow_id") String workflowId) {
    }

    /**
     * Pauses or resumes the agent, starting it first when it does not run (where
     * EXECUTION_AGENT_ENABLED=false it starts paused). Start, then signal: a signal-with-start to a
     * running workflow is not delivered by the embedded test server.
     */
    public static Switched setPaused(WorkflowClient client, String taskQueue, ExecutionSettings settings, boolean paused) {
        String id = DurableNames.ExecutionAgent.id(taskQueue);
        ExecutionAgentWorkflow.ensureStarted(client, taskQueue, settings);
        client.newUntypedWorkflowStub(id).signal(paused ? DurableNames.ExecutionAgent.PAUSE : DurableNames.ExecutionAgent.RESUME);
        return new Switched(paused, id);
    }

    /** The agent's view ({@code loaded} false while a fresh run reads its state), or null when no run of it answers. */
    public static ExecutionView view(WorkflowClient client, String taskQueue) {
        try {
            return client.newWorkflowStub(ExecutionAgentWorkflow.class, DurableNames.ExecutionAgent.id(taskQueue))
                    .getExecutionState();
        } catch (WorkflowNotFoundException | WorkflowQueryException notRunning) {
            return null;
        }
    }
}
