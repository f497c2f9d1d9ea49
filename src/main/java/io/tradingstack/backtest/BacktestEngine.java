package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.ledger.Accounts;
import io.tradingstack.strategy.Strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The deterministic, event-driven backtester. Bars of every series are merged by close time (ties:
 * symbol, then timeframe); on each close the strategy sees data up to that close only, the risk
 * engine sizes its signals, and approved orders fill at the next bar's open through the paper fill
 * model and post to an in-memory {@link io.tradingstack.ledger.Portfolio}: the same classes as live.
 */
public final class BacktestEngine {
    private final BacktestConfig config;

    public BacktestEngine(BacktestConfig config) {
        this.config = config;
    }

    public BacktestResult run(List<Dataset> data, Strategy strategy, ProgressListener progress) {
        return run(data, strategy, progress, DayListener.NONE);
    }

    /** As {@link #run(List, Strategy, ProgressListener)}, telling {@code days} each simulated day's end. */
    public BacktestResult run(List<Dataset> data, Strategy strategy, ProgressListener progress, DayListener days) {
        if (data.isEmpty() || data.stream().allMatch(d -> d.candles().isEmpty())) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_DATA, "no candles to backtest");
        }
        List<Dataset> ordered = new ArrayList<>(data);
        ordered.sort(Comparator.comparing(Dataset::symbol).thenComparingInt(Dataset::granularitySec));
        String quote = commonQuote(ordered);
        return new EngineRun(config, ordered, quote, strategy, progress, days).execute();
    }

    private static String commonQuote(List<Dataset> data) {
        String quote = null;
        for (Dataset d : data) {
            String q;
            try {
                q = Accounts.quote(d.symbol());
            } catch (RuntimeException e) {
                throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS,
                        "symbol '" + d.symbol() + "' is not BASE-QUOTE; pass --pair");
            }
            if (quote != null && !quote.equals(q)) {
                throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS,
                        "all symbols of a run must share one quote currency (" + quote + " vs " + q + ")");
            }
            quote = q;
        }
        return quote;
    }
}
