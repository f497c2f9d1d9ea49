package io.tradingstack.agents;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;
import java.util.Map;

/**
 * The broker agent's durable state: the symbols the user trades, their preferences and the chat
 * transcript. One singleton per namespace, id {@value DurableNames.Broker#ID}. Signal and query
 * names match the reference design so MCP tools and agents address it by name. The state is saved
 * to PostgreSQL on every change and rebuilt from it when the workflow starts (the embedded Temporal
 * forgets on restart). The chat's model calls are activities of this workflow, so their answers are
 * in its history and a replay never calls the model.
 */
@WorkflowInterface
public interface BrokerAgentWorkflow {
    /** Runs until cancelled; {@code state} is null on a fresh start (then read from PostgreSQL). */
    @WorkflowMethod(name = DurableNames.Broker.TYPE)
    void run(BrokerState state);

    @SignalMethod(name = DurableNames.Broker.SET_SYMBOLS)
    void setSymbols(List<String> symbols);

    /** Merges the given keys into the preferences (keys not given keep their values); saved soon after. */
    @SignalMethod(name = DurableNames.Broker.SET_PREFERENCES)
    void setUserPreferences(Map<String, Object> preferences);

    /**
     * The same merge, answered once the stored state is loaded and the merged preferences are stored
     * in PostgreSQL; an empty map changes nothing and answers the preferences once they are loaded.
     */
    @UpdateMethod(name = DurableNames.Broker.UPDATE_PREFERENCES)
    Map<String, Object> updateUserPreferences(Map<String, Object> preferences);

    @QueryMethod(name = DurableNames.Broker.GET_SYMBOLS)
    List<String> getSymbols();

    /** The preferences, plus {@code preferences_set}: whether the user ever chose them (else they are the defaults). */
    @QueryMethod(name = DurableNames.Broker.GET_PREFERENCES)
    Map<String, Object> getUserPreferences();

    /**
     * One step of a chat turn: a new user message (with the tools the client can run) starts a turn;
     * the client then sends the results of the tool calls the step asked for, until the step is an
     * answer or a coded failure. Turns run one at a time; a new message closes a turn left waiting.
     */
    @UpdateMethod(name = DurableNames.Broker.CHAT)
    BrokerStep chat(BrokerTurn turn);

    /** The last {@code limit} transcript lines (loaded=false until a fresh run has read its stored state). */
    @QueryMethod(name = DurableNames.Broker.GET_TRANSCRIPT)
    TranscriptView getTranscript(int limit);
}
