package io.tradingstack.agents;

import io.tradingstack.bus.DurableNames;
import io.tradingstack.runtime.StateBridge;
import io.vertx.core.Vertx;

/** Delegates to the workflow-state store over the bus. */
public final class BrokerActivitiesImpl implements BrokerActivities {
    private final StateBridge state;

    public BrokerActivitiesImpl(Vertx vertx) {
        this.state = new StateBridge(vertx);
    }

    /** Keyed by the calling workflow's id ({@value DurableNames.Broker#ID} in a stack). */
    private static String workflowId() {
        return io.temporal.activity.Activity.getExecutionContext().getInfo().getWorkflowId();
    }

    @Override
    public BrokerState loadState() {
        return state.load(workflowId(), BrokerState.class);
    }

    @Override
    public void saveState(BrokerState s, long revision) {
        state.save(workflowId(), DurableNames.Broker.TYPE, revision, s);
    }
}
