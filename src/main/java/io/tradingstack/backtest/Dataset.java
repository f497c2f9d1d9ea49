package io.tradingstack.backtest;

import io.tradingstack.model.Candle;

import java.util.List;

/** Clean, ascending, de-duplicated candles of one symbol and timeframe, with what was fixed on the way. */
public record Dataset(String symbol, String timeframe, int granularitySec, List<Candle> candles, DataIssues issues,
                      String source) {

    public Dataset {
        candles = List.copyOf(candles);
    }
}
