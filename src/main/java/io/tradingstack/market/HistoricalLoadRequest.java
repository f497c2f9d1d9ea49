package io.tradingstack.market;

import java.util.List;

/**
 * Input of {@link HistoricalDataLoaderWorkflow}: products, bar size in seconds, how many minutes
 * back, and an optional ISO-8601 end (empty = the workflow's current time).
 */
public record HistoricalLoadRequest(List<String> symbols, int granularity, long lookbackMinutes, String end) {
    public HistoricalLoadRequest {
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty() || granularity <= 0 || lookbackMinutes <= 0) {
            throw new IllegalArgumentException("symbols, granularity > 0 and lookbackMinutes > 0 are required");
        }
    }
}
