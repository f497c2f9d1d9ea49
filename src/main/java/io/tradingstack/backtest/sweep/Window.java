package io.tradingstack.backtest.sweep;

/**
 * One walk-forward window in epoch seconds: parameters are chosen on [trainFrom, trainTo) and
 * measured out of sample on [testFrom, testTo), which starts where training ends.
 */
public record Window(int index, long trainFrom, long trainTo, long testFrom, long testTo) {
}
