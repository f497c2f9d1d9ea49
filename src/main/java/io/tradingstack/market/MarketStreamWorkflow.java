package io.tradingstack.market;

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
    String WORKFLOW_ID = "market-stream";

    /** {@code state} null: a fresh start, which rebuilds the selection from PostgreSQL. */
    @WorkflowMethod
    void run(MarketStreamState state);

    @SignalMethod
    void setSymbols(List<String> symbols);

    /** Unsubscribes every product; the workflow keeps running (a later setSymbols resumes) and the stop is stored. */
    @SignalMethod
    void stop();

    @QueryMethod
    List<String> symbols();

    @QueryMethod
    Map<String, Long> stats();

    /** How many runs (continue-as-new) preceded the current one. */
    @QueryMethod
    int generation();
}
