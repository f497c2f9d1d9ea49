package io.tradingstack.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.HighPriceIndicator;
import org.ta4j.core.indicators.helpers.HighestValueIndicator;
import org.ta4j.core.indicators.helpers.LowPriceIndicator;
import org.ta4j.core.indicators.helpers.LowestValueIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * The streaming engine against ta4j 0.17, an independent second computation path, on real
 * Binance BTC/USDT 1-minute candles (2023-03-16 .. 2023-05-01, 66,087 bars; see
 * src/test/resources/market/README.md). ta4j seeds its exponential averages with the first value while the
 * engine seeds them with the simple mean of the first n (Wilder/StockCharts), so exponential
 * indicators are compared once the seed's weight has decayed below 1e-12 (after {@link #SETTLED}
 * bars); window indicators (SMA, Bollinger, rolling extremes) are compared from their first
 * defined bar. Tolerances: 1e-9 relative for prices, 1e-7 absolute for RSI and %B.
 */
class FeatureEngineGoldenTest {
    private static final int N = 6_000;
    private static final int SETTLED = 1_000;
    private static final double REL = 1e-9;

    private static List<Candle> candles;
    private static FeatureVector[] vectors;
    private static BarSeries series;

    @BeforeAll
    static void run() {
        candles = MarketFiles.btc1m().subList(0, N);
        FeatureEngine engine = new FeatureEngine("BTC-USD", "1m", N, true);
        vectors = new FeatureVector[N];
        for (int i = 0; i < N; i++) {
            vectors[i] = engine.onCandle(candles.get(i));
        }
        series = engine.series();
    }

    @Test
    void windowIndicatorsMatchTa4jFromTheirFirstDefinedBar() {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        SMAIndicator sma20 = new SMAIndicator(close, 20);
        BollingerBandsMiddleIndicator mid = new BollingerBandsMiddleIndicator(sma20);
        StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
        BollingerBandsUpperIndicator up = new BollingerBandsUpperIndicator(mid, sd, series.numOf(2));
        BollingerBandsLowerIndicator low = new BollingerBandsLowerIndicator(mid, sd, series.numOf(2));
        PercentBIndicator pctB = new PercentBIndicator(close, 20, 2.0);
        compare("sma20", 19, FeatureVector::sma20, sma20, REL);
        compare("sma50", 49, FeatureVector::sma50, new SMAIndicator(close, 50), REL);
        compare("bbMiddle", 19, FeatureVector::bbMiddle, mid, REL);
        compare("bbUpper", 19, FeatureVector::bbUpper, up, REL);
        compare("bbLower", 19, FeatureVector::bbLower, low, REL);
        compareAbs("bbPercentB", 19, FeatureVector::bbPercentB, pctB, 1e-6);
        compare("rollingHigh20", 19, FeatureVector::rollingHigh20,
                new HighestValueIndicator(new HighPriceIndicator(series), 20), 0);
        compare("rollingLow20", 19, FeatureVector::rollingLow20,
                new LowestValueIndicator(new LowPriceIndicator(series), 20), 0);
    }

    @Test
    void exponentialIndicatorsMatchTa4jOnceSettled() {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        compare("ema12", SETTLED, FeatureVector::ema12, new EMAIndicator(close, 12), REL);
        compare("ema26", SETTLED, FeatureVector::ema26, new EMAIndicator(close, 26), REL);
        compareAbs("macd", SETTLED, FeatureVector::macd, macd, 1e-7);
        compareAbs("macdSignal", SETTLED, FeatureVector::macdSignal, macd.getSignalLine(9), 1e-7);
        compareAbs("macdHistogram", SETTLED, FeatureVector::macdHistogram, macd.getHistogram(9), 1e-7);
        compareAbs("rsi14", SETTLED, FeatureVector::rsi14, new RSIIndicator(close, 14), 1e-7);
        compare("atr14", SETTLED, FeatureVector::atr14, new ATRIndicator(series, 14), 1e-8);
    }

    @Test
    void bruteForceFeaturesMatchTheirDefinitions() {
        for (int i = 0; i < N; i++) {
            FeatureVector v = vectors[i];
            for (int k : new int[] {1, 5, 15, 60}) {
                Double r = k == 1 ? v.return1() : k == 5 ? v.return5() : k == 15 ? v.return15() : v.return60();
                if (i >= k) {
                    assertEquals(candles.get(i).close() / candles.get(i - k).close() - 1, r, 1e-12, "return" + k + " @" + i);
                }
            }
            if (i >= 19) {
                double sum = 0;
                for (int j = i - 19; j <= i; j++) {
                    sum += candles.get(j).volume();
                }
                assertEquals(candles.get(i).volume() / (sum / 20), v.volumeMultiple20(), 1e-9, "volumeMultiple @" + i);
            }
            if (i >= 20) {
                assertEquals(realizedVol(i), v.realizedVol20(), 1e-12, "realizedVol @" + i);
            }
            assertEquals(sessionVwap(i), v.vwap(), 1e-9 * candles.get(i).close(), "vwap @" + i);
        }
    }

    private static double realizedVol(int i) {
        double[] r = new double[20];
        double mean = 0;
        for (int j = 0; j < 20; j++) {
            r[j] = Math.log(candles.get(i - j).close() / candles.get(i - j - 1).close());
            mean += r[j] / 20;
        }
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean) / 20;
        }
        return Math.sqrt(var);
    }

    private static double sessionVwap(int i) {
        long day = candles.get(i).start().getEpochSecond() / 86400;
        double pv = 0;
        double vol = 0;
        for (int j = i; j >= 0 && candles.get(j).start().getEpochSecond() / 86400 == day; j--) {
            Candle c = candles.get(j);
            pv += (c.high() + c.low() + c.close()) / 3 * c.volume();
            vol += c.volume();
        }
        return pv / vol;
    }

    @Test
    void valuesAreNullExactlyUntilDefined() {
        int[][] firstDefined = {{1}, {5}, {15}, {60}, {19}, {13}, {14}, {11}, {25}, {19}, {49}, {19}, {25}, {33}, {20}};
        java.util.List<java.util.function.Function<FeatureVector, Double>> fields = List.of(
                FeatureVector::return1, FeatureVector::return5, FeatureVector::return15, FeatureVector::return60,
                FeatureVector::rollingHigh20, FeatureVector::atr14, FeatureVector::rsi14, FeatureVector::ema12,
                FeatureVector::ema26, FeatureVector::sma20, FeatureVector::sma50, FeatureVector::bbUpper,
                FeatureVector::macd, FeatureVector::macdSignal, FeatureVector::realizedVol20);
        for (int f = 0; f < fields.size(); f++) {
            int first = firstDefined[f][0];
            for (int i = 0; i <= first + 1; i++) {
                Double v = fields.get(f).apply(vectors[i]);
                if (i < first) {
                    assertNull(v, "field " + f + " must be null at bar " + i);
                } else {
                    assertNotNull(v, "field " + f + " must be defined at bar " + i);
                }
            }
        }
        assertNotNull(vectors[0].lastPrice());
        assertNotNull(vectors[0].vwap());
        assertEquals(1, vectors[0].bars());
        assertEquals(candles.get(0).start(), vectors[0].barTime());
    }

    @Test
    void lateAndDuplicateBarsAreIgnored() {
        FeatureEngine e = new FeatureEngine("BTC-USD", "1m", 100);
        FeatureVector first = e.onCandle(candles.get(1));
        assertEquals(first, e.onCandle(candles.get(0)));
        assertEquals(first, e.onCandle(candles.get(1)));
        assertEquals(1, e.bars());
        assertEquals(2, e.rejected());
        assertEquals(1, e.series().getBarCount());
    }

    @Test
    void theTa4jSeriesStaysBounded() {
        FeatureEngine e = new FeatureEngine("BTC-USD", "1m", 50);
        for (int i = 0; i < 500; i++) {
            e.accept(candles.get(i));
        }
        assertEquals(50, e.series().getBarCount());
        assertEquals(500, e.bars());
        assertEquals(candles.get(499).close(), e.series().getLastBar().getClosePrice().doubleValue());
        assertNull(new FeatureEngine("BTC-USD", "1m", 50, false).series());
    }

    @Test
    void restampAgesFromTheBarClose() {
        FeatureVector v = vectors[10];
        Instant now = candles.get(10).end().plusMillis(2500);
        FeatureVector r = FeatureEngine.restamp(v, now);
        assertEquals(2.5, r.ageSeconds(), 1e-9);
        assertEquals(now, r.computedAt());
        assertEquals(v.rsi14(), r.rsi14());
    }

    private void compare(String name, int from, java.util.function.Function<FeatureVector, Double> f,
                         Indicator<Num> ref, double rel) {
        for (int i = from; i < N; i++) {
            double expected = ref.getValue(i).doubleValue();
            Double actual = f.apply(vectors[i]);
            assertNotNull(actual, name + " @" + i);
            assertEquals(expected, actual, Math.abs(expected) * rel + 1e-12, name + " @" + i);
        }
    }

    private void compareAbs(String name, int from, java.util.function.Function<FeatureVector, Double> f,
                            Indicator<Num> ref, double tol) {
        for (int i = from; i < N; i++) {
            double expected = ref.getValue(i).doubleValue();
            Double actual = f.apply(vectors[i]);
            assertNotNull(actual, name + " @" + i);
            assertEquals(expected, actual, tol, name + " @" + i);
        }
    }
}
