package io.tradingstack.agents;

import io.tradingstack.durable.StateBridge;
import io.vertx.core.Vertx;

/** Delegates to the workflow-state store over the bus. */
public final class BrokerActivitiesImpl implements BrokerActivities {
    private final StateBridge state;

    public BrokerActivitiesImpl(Vertx vertx) {
        this.state = new StateBridge(vertx);
    }

    @Override
    public BrokerState loadState() {
        return state.load(BrokerAgentWorkflow.WORKFLOW_ID, BrokerState.class);
    }

    @Override
    public void saveState(BrokerState s, long revision) {
        state.save(BrokerAgentWorkflow.WORKFLOW_ID, BrokerAgentWorkflow.TYPE, revision, s);
    }
}
