package io.tradingstack.backtest;

import io.tradingstack.risk.RiskAdjustments;

/**
 * Told by the engine when a simulated UTC day ends (a bar belongs to the day it opens in): before
 * the first bar of the next day reaches
 * the strategy, and once more after the last bar. Its answer becomes the risk gate's adjustments
 * from that moment (the LLM backtest's judge uses it); it sees only the day that ended.
 */
@FunctionalInterface
public interface DayListener {
    DayListener NONE = (day, last) -> null;

    /**
     * @param last true for the run's final day (nothing follows; the answer is ignored)
     * @return the adjustments in force from now on, or null to keep the current ones
     */
    RiskAdjustments dayEnded(DayFigures day, boolean last);
}
