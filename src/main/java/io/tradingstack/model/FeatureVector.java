package io.tradingstack.model;

import java.time.Instant;

/**
 * Features of one symbol at a candle close. A value that is not defined yet (warm-up) is null,
 * never 0. Returns are fractions (0.01 = 1 %); {@code realizedVol} is the standard deviation of
 * log returns over the window, not annualized.
 */
public record FeatureVector(String symbol, String timeframe, Instant barTime, Instant computedAt, long bars,
                            Double lastPrice,
                            Double return1, Double return5, Double return15, Double return60,
                            Double rollingHigh20, Double rollingLow20,
                            Double atr14, Double rsi14, Double ema12, Double ema26, Double sma20, Double sma50,
                            Double bbUpper, Double bbMiddle, Double bbLower, Double bbPercentB,
                            Double macd, Double macdSignal, Double macdHistogram,
                            Double volumeMultiple20, Double realizedVol20, Double vwap,
                            Double ageSeconds) {
}
