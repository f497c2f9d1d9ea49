package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;
import io.tradingstack.agents.execution.ExecutionAgentClient;
import io.tradingstack.agents.execution.ExecutionAgentWorkflow;
import io.tradingstack.agents.execution.ExecutionSettings;
import io.tradingstack.agents.execution.ExecutionView;
import io.tradingstack.agents.prompts.PromptHistory;
import io.tradingstack.agents.prompts.PromptRollback;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;

import java.util.List;

/**
 * Finds or starts the judge workflow of a task queue and talks to it, and puts a stored prompt
 * version back in force: one path for the MCP tools, the dashboard and the verticle.
 */
public final class JudgeClient {
    private JudgeClient() {
    }

    public static WorkflowOptions options(String taskQueue) {
        return WorkflowOptions.newBuilder().setWorkflowId(DurableNames.JudgeAgent.id(taskQueue)).setTaskQueue(taskQueue).build();
    }

    /** Starts the judge unless it is already running (one per task queue). */
    public static void ensureStarted(WorkflowClient client, String taskQueue, JudgeSettings settings) {
        JudgeAgentWorkflow stub = client.newWorkflowStub(JudgeAgentWorkflow.class, options(taskQueue));
        try {
            WorkflowClient.start(stub::run, new JudgeRun(settings, null, null));
        } catch (WorkflowExecutionAlreadyStarted running) {
            // the running judge keeps the settings it was started with until it is restarted
        }
    }

    /**
     * An on-demand evaluation, starting the judge first when it is not running. Asked again once
     * when the run it reached had just continued as new (the server answers NOT_FOUND for it).
     */
    public static JudgeRequests.TriggerAnswer trigger(WorkflowClient client, String taskQueue, JudgeSettings settings,
                                                      JudgeRequests.Trigger trigger) {
        ensureStarted(client, taskQueue, settings);
        try {
            return client.newWorkflowStub(JudgeAgentWorkflow.class, DurableNames.JudgeAgent.id(taskQueue)).trigger(trigger);
        } catch (WorkflowNotFoundException continuedAsNew) {
            ensureStarted(client, taskQueue, settings);
            return client.newWorkflowStub(JudgeAgentWorkflow.class, DurableNames.JudgeAgent.id(taskQueue)).trigger(trigger);
        }
    }

    /** What a rollback signalled: the version asked for and the one in force when asked (null when none was). */
    public record RolledBack(@Doc("the execution agent was signalled") boolean signalled,
                             @Doc(value = "the version asked for", min = 0) int version,
                             @Doc(value = "version in force when asked; null when none was", nullable = true, min = 0)
                             @JsonProperty("previous_version") Integer previousVersion) {
    }

    /**
     * rollback_prompt: signals the execution agent (started first when it does not run) to put
     * {@code rollback.version()} of {@code history} back in force; JUDGE_NO_SUCH_VERSION, and no
     * signal, when the history does not hold it. The agent records the switch in the prompt store.
     */
    public static RolledBack rollback(WorkflowClient client, String taskQueue, ExecutionSettings settings,
                                      PromptHistory history, PromptRollback rollback) {
        List<Integer> known = history.versions().stream().map(v -> v.version()).toList();
        if (!known.contains(rollback.version())) {
            throw new CodedException(ErrorCode.JUDGE_NO_SUCH_VERSION, "the execution agent has no prompt version "
                    + rollback.version() + " (it has " + known + ")");
        }
        ExecutionView agent = ExecutionAgentClient.view(client, taskQueue);
        Integer previous = agent != null && agent.loaded() ? Integer.valueOf(agent.promptVersion())
                : history.current() == null ? null : history.current().version();
        ExecutionAgentWorkflow.ensureStarted(client, taskQueue, settings);
        client.newUntypedWorkflowStub(DurableNames.ExecutionAgent.id(taskQueue))
                .signal(DurableNames.ExecutionAgent.ROLLBACK_PROMPT, rollback);
        return new RolledBack(true, rollback.version(), previous);
    }
}
