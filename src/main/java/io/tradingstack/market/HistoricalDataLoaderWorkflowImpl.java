package io.tradingstack.market;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deterministic: the range comes from the request or workflow time; one activity per product, in parallel. */
public final class HistoricalDataLoaderWorkflowImpl implements HistoricalDataLoaderWorkflow {
    private final MarketActivities activities = Workflow.newActivityStub(MarketActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(60))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3)
                    .setDoNotRetry("MARKET_BAD_REQUEST").build())
            .build());

    @Override
    public List<DataQualityReport> load(HistoricalLoadRequest request) {
        Instant end = request.end() == null || request.end().isEmpty()
                ? Instant.ofEpochMilli(Workflow.currentTimeMillis()) : Instant.parse(request.end());
        Instant start = end.minus(Duration.ofMinutes(request.lookbackMinutes()));
        List<Promise<DataQualityReport>> loads = new ArrayList<>();
        for (String symbol : request.symbols()) {
            loads.add(Async.function(activities::loadCandles, symbol, request.granularity(), start.toString(), end.toString()));
        }
        return loads.stream().map(Promise::get).toList();
    }
}
