package io.tradingstack.market;

import io.tradingstack.bus.Doc;

import java.time.Instant;
import java.util.List;

/**
 * What a candle load found: bars received versus expected, missing bars grouped into gaps
 * (the first 20 listed as "start/end" ranges), duplicated timestamps, zero-volume bars, invalid
 * rows, and how much came from the cache versus the exchange.
 */
public record DataQualityReport(@Doc("product") String product,
                                @Doc(value = "bar length in seconds", min = 0) int granularity,
                                @Doc("first bar requested") Instant start,
                                @Doc("end of the range") Instant end,
                                @Doc(value = "bars", min = 0) int bars,
                                @Doc(value = "expected bars", min = 0) int expectedBars,
                                @Doc(value = "gaps", min = 0) int gaps,
                                @Doc(value = "missing bars", min = 0) int missingBars,
                                @Doc("first 20 gaps as start/end") List<String> gapRanges,
                                @Doc(value = "duplicates", min = 0) int duplicates,
                                @Doc(value = "zero volume bars", min = 0) int zeroVolumeBars,
                                @Doc(value = "invalid rows", min = 0) int invalidRows,
                                @Doc(value = "requests", min = 0) int requests,
                                @Doc(value = "cached bars", min = 0) int cachedBars,
                                @Doc(value = "fetched bars", min = 0) int fetchedBars) {
    public DataQualityReport {
        gapRanges = List.copyOf(gapRanges);
    }
}
