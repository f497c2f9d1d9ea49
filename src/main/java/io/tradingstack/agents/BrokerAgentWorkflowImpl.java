package io.tradingstack.agents;

import io.temporal.workflow.Workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic: state changes only through signals. Continues as new after
 * {@link #SIGNALS_PER_RUN} signals or when Temporal suggests it, so history stays small.
 */
public final class BrokerAgentWorkflowImpl implements BrokerAgentWorkflow {
    static final int SIGNALS_PER_RUN = 500;

    private List<String> symbols = new ArrayList<>();
    private final Map<String, Object> preferences = new LinkedHashMap<>(BrokerState.defaultPreferences());
    private int signals;

    @Override
    public void run(BrokerState state) {
        if (state != null) {
            if (state.symbols() != null) {
                symbols = new ArrayList<>(state.symbols());
            }
            if (state.preferences() != null) {
                preferences.putAll(state.preferences());
            }
        }
        Workflow.await(() -> signals >= SIGNALS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested());
        Workflow.continueAsNew(new BrokerState(List.copyOf(symbols), new LinkedHashMap<>(preferences)));
    }

    @Override
    public void setSymbols(List<String> newSymbols) {
        symbols = newSymbols == null ? new ArrayList<>() : new ArrayList<>(newSymbols);
        signals++;
    }

    @Override
    public void setUserPreferences(Map<String, Object> update) {
        if (update != null) {
            preferences.putAll(update);
        }
        signals++;
    }

    @Override
    public List<String> getSymbols() {
        return List.copyOf(symbols);
    }

    @Override
    public Map<String, Object> getUserPreferences() {
        return new LinkedHashMap<>(preferences);
    }
}
