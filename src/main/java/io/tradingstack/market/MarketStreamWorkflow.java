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
    @WorkflowMethod
    void run(MarketStreamState state);

    @SignalMethod
    void setSymbols(List<String> symbols);

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
