package io.tradingstack.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An OHLCV bar. Values are doubles because they feed indicator math; code that turns a candle
 * price into money converts it with {@code BigDecimal.valueOf}, which keeps the exchange's digits.
 */
public record Candle(String symbol, int granularitySec, Instant start, double open, double high, double low,
                     double close, double volume) {

    public Candle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(start, "start");
        if (granularitySec <= 0) {
            throw new IllegalArgumentException("granularity must be > 0");
        }
        if (!(open > 0 && high > 0 && low > 0 && close > 0) || !Double.isFinite(open + high + low + close)) {
            throw new IllegalArgumentException("prices must be finite and > 0");
        }
        if (!(volume >= 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("volume must be finite and >= 0");
        }
        if (high < low) {
            throw new IllegalArgumentException("high below low");
        }
    }

    public Instant end() {
        return start.plusSeconds(granularitySec);
    }
}
