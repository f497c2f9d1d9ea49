package io.tradingstack.market;

import io.tradingstack.model.Candle;

import java.util.List;

/** One candles response: the valid rows as sent (newest first on Coinbase) and how many rows were invalid. */
public record CandlePage(List<Candle> candles, int invalidRows) {
    public CandlePage {
        candles = List.copyOf(candles);
    }
}
