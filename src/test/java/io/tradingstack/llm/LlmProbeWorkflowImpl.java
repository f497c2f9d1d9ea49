package io.tradingstack.llm;

import io.temporal.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/** Deterministic: only activity calls. */
public final class LlmProbeWorkflowImpl implements LlmProbeWorkflow {
    private final LlmActivities llm = Workflow.newActivityStub(LlmActivities.class, LlmActivityOptions.options());

    @Override
    public List<LlmResult> ask(LlmRequest request, int times) {
        List<LlmResult> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(llm.chat(request));
        }
        return out;
    }
}
