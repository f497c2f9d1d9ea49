package io.tradingstack.durable;

import io.tradingstack.model.ComponentStatus;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.List;

/** Deterministic: one activity call, no clocks, no I/O. */
public final class SystemCheckWorkflowImpl implements SystemCheckWorkflow {
    private final SystemCheckActivities activities = Workflow.newActivityStub(SystemCheckActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                    .build());

    @Override
    public List<ComponentStatus> check() {
        return activities.componentStatuses();
    }
}
