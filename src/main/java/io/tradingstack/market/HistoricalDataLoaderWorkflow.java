package io.tradingstack.market;

import io.tradingstack.bus.DurableNames;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/** Loads history for several products into the candle cache and reports its quality, one report per product. */
@WorkflowInterface
public interface HistoricalDataLoaderWorkflow {
    @WorkflowMethod(name = DurableNames.HistoricalLoader.TYPE)
    List<DataQualityReport> load(HistoricalLoadRequest request);
}
