package io.tradingstack.features;

import io.tradingstack.model.Candle;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.DoubleNum;

/**
 * Builds bounded ta4j series. {@link NumKind#DOUBLE} is the default: the benchmark
 * (docs/features.md) shows it is much faster and lighter than DecimalNum while agreeing with it to
 * far below any price tick; indicator math may use double (STYLE), money never goes through here.
 */
public final class SeriesFactory {
    /** The ta4j number representation of a series. */
    public enum NumKind { DOUBLE, DECIMAL }

    private SeriesFactory() {
    }

    public static BarSeries newSeries(String name, int maxBars, NumKind kind) {
        if (maxBars <= 0) {
            throw new IllegalArgumentException("maxBars must be > 0");
        }
        BarSeries s = new BaseBarSeriesBuilder()
                .withName(name)
                .withNumTypeOf(kind == NumKind.DECIMAL ? DecimalNum.class : DoubleNum.class)
                .build();
        s.setMaximumBarCount(maxBars);
        return s;
    }

    /** Appends a candle; the ta4j bar is keyed by its end time (UTC). */
    public static void append(BarSeries s, Candle c) {
        ZonedDateTime end = ZonedDateTime.ofInstant(c.end(), ZoneOffset.UTC);
        s.addBar(Duration.ofSeconds(c.granularitySec()), end, c.open(), c.high(), c.low(), c.close(), c.volume());
    }
}
