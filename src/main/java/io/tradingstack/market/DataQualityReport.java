package io.tradingstack.market;

import java.time.Instant;
import java.util.List;

/**
 * What a candle load found: bars received versus expected, missing bars grouped into gaps
 * (the first 20 listed as "start/end" ranges), duplicated timestamps, zero-volume bars, invalid
 * rows, and how much came from the cache versus the exchange.
 */
public record DataQualityReport(String product, int granularity, Instant start, Instant end, int bars, int expectedBars,
                                int gaps, int missingBars, List<String> gapRanges, int duplicates, int zeroVolumeBars,
                                int invalidRows, int requests, int cachedBars, int fetchedBars) {
    public DataQualityReport {
        gapRanges = List.copyOf(gapRanges);
    }
}
