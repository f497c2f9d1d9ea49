package io.tradingstack.market;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Deterministic: waits on signals or the poll timer, calls activities, continues as new after a
 * bounded run. Every change of the selection (a stop included) is stored through an activity and
 * a fresh start rebuilds the selection from the store, so the stream's state survives a restart
 * of the embedded Temporal service. A stop does not end the workflow: it is the stream's state.
 */
public final class MarketStreamWorkflowImpl implements MarketStreamWorkflow {
    private static final int MAX_HISTORY_EVENTS = 2_000;
    private final MarketActivities activities = Workflow.newActivityStub(MarketActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(15))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).setMaximumAttempts(20).build())
            .build());
    private List<String> symbols = List.of();
    private Map<String, Long> stats = Map.of();
    private List<String> pending;
    private int generation;
    private long revision;

    @Override
    public void run(MarketStreamState given) {
        MarketStreamState state = given != null ? given : MarketStreamState.of(activities.loadStreamSymbols());
        generation = state.generation();
        stats = state.stats();
        revision = state.revision();
        symbols = state.symbols();
        symbols = activities.applySymbols(state.symbols());
        for (int cycle = 0; cycle < state.cyclesPerRun() && Workflow.getInfo().getHistoryLength() < MAX_HISTORY_EVENTS; cycle++) {
            Workflow.await(Duration.ofSeconds(state.pollSeconds()), () -> pending != null);
            if (pending != null) {
                List<String> next = pending;
                pending = null;
                symbols = activities.applySymbols(next);
                revision = Math.max(revision + 1, Workflow.currentTimeMillis());
                activities.saveStreamSymbols(symbols, revision);
            } else {
                stats = activities.feedStats();
            }
        }
        Workflow.continueAsNew(new MarketStreamState(pending != null ? pending : symbols, stats, state.pollSeconds(),
                state.cyclesPerRun(), generation + 1, revision));
    }

    @Override
    public void setSymbols(List<String> next) {
        pending = List.copyOf(next);
    }

    @Override
    public void stop() {
        pending = List.of();
    }

    @Override
    public List<String> symbols() {
        return symbols;
    }

    @Override
    public Map<String, Long> stats() {
        return stats;
    }

    @Override
    public int generation() {
        return generation;
    }
}
