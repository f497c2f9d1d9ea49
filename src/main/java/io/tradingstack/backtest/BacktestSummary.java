package io.tradingstack.backtest;

import java.math.BigDecimal;

/** The headline of a finished backtest and where its reports are. */
public record BacktestSummary(String pair, String timeframe, long bars, int trades, BigDecimal finalEquity,
                              BigDecimal totalReturn, BigDecimal maxDrawdown, long barsPerSecond, String reportJson,
                              String reportHtml) {
}
