package io.tradingstack.agents.judge;

import io.tradingstack.bus.DurableNames;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;

/** Finds or starts the judge workflow of a task queue and talks to it (tools and the verticle). */
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
}
