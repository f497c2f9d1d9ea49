package io.tradingstack.market;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

import java.util.List;
import java.util.Map;

/** What the market workflows ask of the feed verticle, over the bus. */
@ActivityInterface
public interface MarketActivities {
    /**
     * Sets the streamed products to exactly this list. Idempotent by construction (an absolute
     * state, not a delta), so a retry or a replay of it has no extra effect and needs no key.
     */
    @ActivityMethod
    List<String> applySymbols(List<String> symbols);

    /**
     * The stream's stored selection (symbols, possibly empty after a stop), or, when nothing is
     * stored yet, the products the feed streams now.
     */
    @ActivityMethod
    List<String> loadStreamSymbols();

    /** Stores the selection at this revision (a newer stored revision is kept). */
    @ActivityMethod
    void saveStreamSymbols(List<String> symbols, long revision);

    /** The feed's counters (messages, ticks, drops per reason, reconnects, gaps, ...). */
    @ActivityMethod
    Map<String, Long> feedStats();

    /** Loads candles into the cache and returns the quality report (the candles stay out of history). */
    @ActivityMethod
    DataQualityReport loadCandles(String symbol, int granularity, String start, String end);
}
