package io.tradingstack.market;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;
import java.util.Map;

/**
 * Durable control of the market stream: which symbols are streamed, and a periodic snapshot of the
 * feed's counters. Ticks never enter its history; only symbol changes and counter snapshots do.
 */
@WorkflowInterface
public interface MarketStreamWorkflow {
    /** {@code state} null: a fresh start, which rebuilds the selection from PostgreSQL. */
    @WorkflowMethod(name = DurableNames.MarketStream.TYPE)
    void run(MarketStreamState state);

    @SignalMethod(name = DurableNames.MarketStream.SET_SYMBOLS)
    void setSymbols(List<String> symbols);

    /** Unsubscribes every product; the workflow keeps running (a later setSymbols resumes) and the stop is stored. */
    @SignalMethod(name = DurableNames.MarketStream.STOP)
    void stop();

    @QueryMethod(name = DurableNames.MarketStream.SYMBOLS)
    List<String> symbols();

    @QueryMethod(name = DurableNames.MarketStream.STATS)
    Map<String, Long> stats();

    /** How many runs (continue-as-new) preceded the current one. */
    @QueryMethod(name = DurableNames.MarketStream.GENERATION)
    int generation();
}
