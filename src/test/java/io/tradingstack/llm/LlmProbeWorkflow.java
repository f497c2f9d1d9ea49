package io.tradingstack.llm;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/** A test workflow that asks the model through {@link LlmActivities}, as the agents will. */
@WorkflowInterface
public interface LlmProbeWorkflow {
    @WorkflowMethod
    List<LlmResult> ask(LlmRequest request, int times);
}
