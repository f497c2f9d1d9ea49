package io.tradingstack.agents;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic: state changes only through signals and updates, is saved by an activity after
 * each change (revision-ordered, so a late save never rolls back), and is loaded by an activity
 * on a fresh start. Continues as new after {@link #SIGNALS_PER_RUN} changes or when Temporal
 * suggests it, so history stays small.
 */
public final class BrokerAgentWorkflowImpl implements BrokerAgentWorkflow {
    static final int SIGNALS_PER_RUN = 500;

    private final BrokerActivities store = Workflow.newActivityStub(BrokerActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(10)).setMaximumAttempts(30).build())
            .build());
    private List<String> symbols = new ArrayList<>();
    private final Map<String, Object> preferences = new LinkedHashMap<>(BrokerState.defaultPreferences());
    private long revision;
    private long saved;
    private int signals;
    private boolean loaded;
    /** Changes signalled while the stored state was still loading: they win over it. */
    private final Map<String, Object> early = new LinkedHashMap<>();
    private List<String> earlySymbols;

    @Override
    public void run(BrokerState state) {
        BrokerState start = state != null ? state : store.loadState();
        if (start != null) {
            apply(start);
        }
        saved = start == null ? 0 : start.revision();
        loaded = true;
        while (signals < SIGNALS_PER_RUN && !Workflow.getInfo().isContinueAsNewSuggested()) {
            Workflow.await(() -> revision > saved || signals >= SIGNALS_PER_RUN || Workflow.getInfo().isContinueAsNewSuggested());
            save();
        }
        save();
        Workflow.continueAsNew(snapshot());
    }

    private void apply(BrokerState s) {
        if (s.symbols() != null) {
            symbols = new ArrayList<>(earlySymbols != null ? earlySymbols : s.symbols());
        }
        if (s.preferences() != null) {
            preferences.putAll(s.preferences());
            preferences.putAll(early);
        }
        revision = s.revision() + revision;
    }

    private void save() {
        if (revision > saved) {
            long at = revision;
            store.saveState(snapshot(), at);
            saved = Math.max(saved, at);
        }
    }

    private BrokerState snapshot() {
        return new BrokerState(List.copyOf(symbols), new LinkedHashMap<>(preferences), revision);
    }

    @Override
    public void setSymbols(List<String> newSymbols) {
        symbols = newSymbols == null ? new ArrayList<>() : new ArrayList<>(newSymbols);
        if (!loaded) {
            earlySymbols = List.copyOf(symbols);
        }
        changed();
    }

    @Override
    public void setUserPreferences(Map<String, Object> update) {
        if (update != null) {
            preferences.putAll(update);
            if (!loaded) {
                early.putAll(update);
            }
        }
        changed();
    }

    @Override
    public Map<String, Object> updateUserPreferences(Map<String, Object> update) {
        Workflow.await(() -> loaded);
        if (update != null && !update.isEmpty()) {
            setUserPreferences(update);
            save();
        }
        return getUserPreferences();
    }

    private void changed() {
        revision++;
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
