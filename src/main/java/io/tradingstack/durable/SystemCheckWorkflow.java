package io.tradingstack.durable;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.model.ComponentStatus;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/** A durable system check: asks the node's health endpoint over the bus and records the answer. */
@WorkflowInterface
public interface SystemCheckWorkflow {
    @WorkflowMethod(name = DurableNames.SystemCheck.TYPE)
    List<ComponentStatus> check();
}
