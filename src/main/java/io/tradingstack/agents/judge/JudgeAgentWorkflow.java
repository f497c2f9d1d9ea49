package io.tradingstack.agents.judge;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The judge agent (id {@value DurableNames.JudgeAgent#ID}): evaluates the trading every
 * JUDGE_EVAL_MINUTES by a durable timer and on demand (cooldown unless forced, flood guard per UTC
 * day), scores it ({@link JudgeScore}), has it reviewed, versions the execution agent's prompt
 * (with automatic rollback of a version that scored worse) and tapers risk through the gate.
 * Never returns; continues as new.
 */
@WorkflowInterface
public interface JudgeAgentWorkflow {
    @WorkflowMethod(name = DurableNames.JudgeAgent.TYPE)
    void run(JudgeRun run);

    /** An on-demand evaluation: queued, or skipped (cooldown, flood guard, one already queued) and counted. */
    @UpdateMethod(name = DurableNames.JudgeAgent.TRIGGER)
    JudgeRequests.TriggerAnswer trigger(JudgeRequests.Trigger trigger);

    @QueryMethod(name = DurableNames.JudgeAgent.GET_STATE)
    JudgeRequests.State state();
}
