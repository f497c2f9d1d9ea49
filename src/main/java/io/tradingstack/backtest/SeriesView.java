package io.tradingstack.backtest;

import io.tradingstack.features.FeatureEngine;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.strategy.BarView;
import io.tradingstack.strategy.LookAheadException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The strategy's window on one series: it holds the index of the bar that just closed and refuses
 * any later bar, so a strategy can only peek ahead by reaching around the engine (which the
 * look-ahead audit catches).
 */
final class SeriesView implements BarView {
    private final int series;
    private final Dataset dataset;
    private final List<Candle> candles;
    private final FeatureEngine features;
    private final int symbolIndex;
    private final Book book;
    private Candle bar;
    private int index = -1;

    SeriesView(int series, Dataset dataset, FeatureEngine features, int symbolIndex, Book book) {
        this.series = series;
        this.dataset = dataset;
        this.candles = dataset.candles();
        this.features = features;
        this.symbolIndex = symbolIndex;
        this.book = book;
    }

    void advance(Candle closed, int at) {
        features.accept(closed);
        bar = closed;
        index = at;
    }

    int symbolIndex() {
        return symbolIndex;
    }

    @Override
    public int series() {
        return series;
    }

    @Override
    public String symbol() {
        return dataset.symbol();
    }

    @Override
    public String timeframe() {
        return dataset.timeframe();
    }

    @Override
    public Instant time() {
        return bar.end();
    }

    @Override
    public Candle bar() {
        return bar;
    }

    @Override
    public Candle bar(int barsAgo) {
        if (barsAgo < 0) {
            throw new LookAheadException("strategy asked for bar " + (-barsAgo) + " after " + bar.end()
                    + " of " + dataset.symbol() + ":" + dataset.timeframe());
        }
        int i = index - barsAgo;
        return i >= 0 ? candles.get(i) : null;
    }

    @Override
    public FeatureVector features() {
        return features.latest();
    }

    @Override
    public double ema12() {
        return features.ema12();
    }

    @Override
    public double ema26() {
        return features.ema26();
    }

    @Override
    public double rsi14() {
        return features.rsi14();
    }

    @Override
    public double atr14() {
        return features.atr14();
    }

    @Override
    public BigDecimal position() {
        return book.position(symbolIndex);
    }

    @Override
    public BigDecimal equity() {
        return book.equity();
    }

    @Override
    public BigDecimal cash() {
        return book.cash();
    }
}
