package io.tradingstack.strategy;

import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a strategy may know at the close of bar t of one series: bars up to t, the features at t
 * and the account. Asking for a bar after t throws {@link LookAheadException}.
 */
public interface BarView {
    /** Index of the series in the run (stable; use it to keep per-series state in arrays). */
    int series();

    String symbol();

    String timeframe();

    /** The close time of the current bar. */
    Instant time();

    /** The bar that just closed. */
    Candle bar();

    /**
     * A past bar: 0 is the current bar, 1 the previous one; null before the first bar.
     *
     * @throws LookAheadException for a negative offset (a bar that has not closed yet)
     */
    Candle bar(int barsAgo);

    /** Features of this series at the current close. */
    FeatureVector features();

    /*
     * Single features without building the whole vector (hot loops read a few values per bar).
     * They equal the vector's fields, with NaN where the vector holds null (warm-up).
     */

    default double ema12() {
        return orNaN(features().ema12());
    }

    default double ema26() {
        return orNaN(features().ema26());
    }

    default double rsi14() {
        return orNaN(features().rsi14());
    }

    default double atr14() {
        return orNaN(features().atr14());
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    /** Signed quantity held in this symbol (after every fill up to now). */
    BigDecimal position();

    /** Equity marked at the latest closes. */
    BigDecimal equity();

    BigDecimal cash();
}
