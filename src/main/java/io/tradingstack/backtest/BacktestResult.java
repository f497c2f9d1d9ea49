package io.tradingstack.backtest;

import io.tradingstack.model.Fill;
import io.tradingstack.risk.LimitEnforcement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a run produced. {@code decisions} is the strategy's signal log ("close time|series|
 * direction|reason"), used by the look-ahead audit. {@code orders} counts what happened to approved
 * orders at execution (filled, resized for cash, rejected, unfilled at the end).
 */
public record BacktestResult(List<Dataset> datasets, String quote, long bars, List<Fill> fills,
                             List<TradeBook.Trade> trades, int openTrades, EquityCurve equity,
                             Map<String, BigDecimal> finalPositions, BigDecimal finalCash, BigDecimal finalReserve,
                             BigDecimal finalEquity, BigDecimal realizedPnl, BigDecimal fees,
                             LimitEnforcement limitEnforcement, Map<String, Long> orders, List<String> decisions,
                             long elapsedNanos) {

    public double barsPerSecond() {
        return elapsedNanos <= 0 ? 0 : bars * 1e9 / elapsedNanos;
    }
}
