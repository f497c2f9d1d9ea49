package io.tradingstack.agents;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;
import java.util.Map;

/**
 * The broker agent's durable state: the symbols the user trades and their preferences. One
 * singleton per namespace, id {@link #WORKFLOW_ID}. Signal and query names match the reference
 * design so MCP tools and agents address it by name. The state is saved to PostgreSQL on every
 * change and rebuilt from it when the workflow starts (the embedded Temporal forgets on restart).
 */
@WorkflowInterface
public interface BrokerAgentWorkflow {
    String WORKFLOW_ID = "broker-agent";
    String TYPE = "BrokerAgentWorkflow";
    String UPDATE_PREFERENCES = "update_user_preferences";

    /** Runs until cancelled; {@code state} is null on a fresh start (then read from PostgreSQL). */
    @WorkflowMethod
    void run(BrokerState state);

    @SignalMethod(name = "set_symbols")
    void setSymbols(List<String> symbols);

    /** Merges the given keys into the preferences (keys not given keep their values); saved soon after. */
    @SignalMethod(name = "set_user_preferences")
    void setUserPreferences(Map<String, Object> preferences);

    /**
     * The same merge, answered once the stored state is loaded and the merged preferences are stored
     * in PostgreSQL; an empty map changes nothing and answers the preferences once they are loaded.
     */
    @UpdateMethod(name = UPDATE_PREFERENCES)
    Map<String, Object> updateUserPreferences(Map<String, Object> preferences);

    @QueryMethod(name = "get_symbols")
    List<String> getSymbols();

    @QueryMethod(name = "get_user_preferences")
    Map<String, Object> getUserPreferences();
}
