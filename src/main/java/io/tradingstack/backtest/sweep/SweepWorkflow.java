package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** A sweep run durably: every batch of runs an activity on the runs queue that every node polls. */
@WorkflowInterface
public interface SweepWorkflow {
    @WorkflowMethod(name = DurableNames.Sweep.TYPE)
    SweepResult run(SweepRequest request);

    @QueryMethod(name = DurableNames.Sweep.PROGRESS)
    SweepProgress progress();
}
