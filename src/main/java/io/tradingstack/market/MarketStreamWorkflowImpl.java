package io.tradingstack.market;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Deterministic: waits on signals or the poll timer, calls activities, continues as new after a bounded run. */
public final class MarketStreamWorkflowImpl implements MarketStreamWorkflow {
    private static final int MAX_HISTORY_EVENTS = 2_000;
    private final MarketActivities activities = Workflow.newActivityStub(MarketActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(15))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).setMaximumAttempts(10).build())
            .build());
    private List<String> symbols = List.of();
    private Map<String, Long> stats = Map.of();
    private List<String> pending;
    private boolean stopRequested;
    private int generation;

    @Override
    public void run(MarketStreamState state) {
        generation = state.generation();
        stats = state.stats();
        symbols = state.symbols();
        symbols = activities.applySymbols(state.symbols());
        for (int cycle = 0; cycle < state.cyclesPerRun() && Workflow.getInfo().getHistoryLength() < MAX_HISTORY_EVENTS; cycle++) {
            Workflow.await(Duration.ofSeconds(state.pollSeconds()), () -> pending != null || stopRequested);
            if (stopRequested) {
                stopStreaming();
                return;
            }
            if (pending != null) {
                List<String> next = pending;
                pending = null;
                symbols = activities.applySymbols(next);
            } else {
                stats = activities.feedStats();
            }
        }
        if (stopRequested) {
            // a stop that arrived during the last activity would otherwise be lost by continue-as-new
            stopStreaming();
            return;
        }
        Workflow.continueAsNew(new MarketStreamState(pending != null ? pending : symbols, stats, state.pollSeconds(),
                state.cyclesPerRun(), generation + 1));
    }

    private void stopStreaming() {
        activities.applySymbols(List.of());
        symbols = List.of();
    }

    @Override
    public void setSymbols(List<String> next) {
        pending = List.copyOf(next);
    }

    @Override
    public void stop() {
        stopRequested = true;
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
