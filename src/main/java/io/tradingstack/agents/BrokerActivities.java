package io.tradingstack.agents;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The broker workflow's durable state in PostgreSQL (through the workflow-state store). */
@ActivityInterface(namePrefix = "Broker")
public interface BrokerActivities {
    /** The stored state, or null when the broker has never saved one. */
    @ActivityMethod
    BrokerState loadState();

    /** Stores the state at this revision; an older revision never replaces a newer one. */
    @ActivityMethod
    void saveState(BrokerState state, long revision);
}
