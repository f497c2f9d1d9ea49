package io.tradingstack.backtest;

/** One parsed input row before the data policy runs; {@code line} is 1-based in the file. */
record RawRow(long epochSecond, double open, double high, double low, double close, double volume, long line) {
}
