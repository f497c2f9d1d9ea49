package io.tradingstack.bench.features;

import io.tradingstack.bench.BenchResults;
import io.tradingstack.features.FeatureEngine;
import io.tradingstack.features.MarketFiles;
import io.tradingstack.features.MetricsCatalogue;
import io.tradingstack.features.MetricsRequest;
import io.tradingstack.features.SeriesFactory;
import io.tradingstack.features.SeriesFactory.NumKind;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;

/**
 * Feature-vector throughput and memory per symbol on real Binance BTC/USDT 1-minute candles:
 * the streaming {@link FeatureEngine} (with and without its ta4j series, DoubleNum vs DecimalNum),
 * the same indicators recomputed through ta4j at each bar, and the metrics catalogue.
 * Run: mvn -B -o -Pbench -DskipTests test-compile exec:exec
 *        -Dbench.main=io.tradingstack.bench.features.FeaturesBench
 */
public final class FeaturesBench {
    private static volatile Object sink;

    private FeaturesBench() {
    }

    public static void main(String[] args) {
        List<Candle> candles = MarketFiles.btc1m();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", "binance_BTC_USDT-1m.json, " + candles.size() + " bars");
        for (int w = 0; w < 3; w++) {
            // let the JIT compile every path before any of them is timed
            run(candles, false, NumKind.DOUBLE, false, 5);
            run(candles, false, NumKind.DOUBLE, true, 5);
            run(candles, true, NumKind.DOUBLE, true, 2);
        }
        out.put("engine_accept_no_series_bars_per_s", engineRate(candles, false, NumKind.DOUBLE, false, 40));
        out.put("engine_onCandle_vector_no_series_bars_per_s", engineRate(candles, false, NumKind.DOUBLE, true, 40));
        out.put("engine_onCandle_vector_DoubleNum_series_bars_per_s", engineRate(candles, true, NumKind.DOUBLE, true, 10));
        out.put("engine_onCandle_vector_DecimalNum_series_bars_per_s", engineRate(candles, true, NumKind.DECIMAL, true, 4));
        out.put("ta4j_recompute_DoubleNum_vectors_per_s", ta4jRate(candles.subList(0, 20_000), NumKind.DOUBLE));
        out.put("ta4j_recompute_DecimalNum_vectors_per_s", ta4jRate(candles.subList(0, 5_000), NumKind.DECIMAL));
        out.put("catalogue_all_metrics_500_bars_DoubleNum_ms", catalogueMs(candles, NumKind.DOUBLE));
        out.put("catalogue_all_metrics_500_bars_DecimalNum_ms", catalogueMs(candles, NumKind.DECIMAL));
        out.put("catalogue_DecimalNum_vs_DoubleNum_max_rel_diff", catalogueAgreement(candles));
        out.put("memory_per_symbol_4_timeframes_1000_bars_DoubleNum_kb", memoryPerSymbolKb(candles, NumKind.DOUBLE));
        out.put("memory_per_symbol_4_timeframes_1000_bars_DecimalNum_kb", memoryPerSymbolKb(candles, NumKind.DECIMAL));
        out.put("memory_per_symbol_engine_only_kb", memoryPerSymbolKb(candles, null));
        out.forEach((k, v) -> System.out.println(k + " = " + v));
        BenchResults.write("features", out);
    }

    private static long engineRate(List<Candle> candles, boolean series, NumKind kind, boolean vector, int passes) {
        run(candles, series, kind, vector, Math.max(2, passes / 4));
        long t0 = System.nanoTime();
        long bars = run(candles, series, kind, vector, passes);
        return Math.round(bars / ((System.nanoTime() - t0) / 1e9));
    }

    private static long run(List<Candle> candles, boolean series, NumKind kind, boolean vector, int passes) {
        long bars = 0;
        double acc = 0;
        for (int p = 0; p < passes; p++) {
            FeatureEngine e = new FeatureEngine("BTC-USD", "1m", 1000, series, kind);
            for (Candle c : candles) {
                if (vector) {
                    FeatureVector v = e.onCandle(c);
                    acc += v.lastPrice();
                } else {
                    e.accept(c);
                }
            }
            bars += candles.size();
        }
        sink = acc;
        return bars;
    }

    /** The vector's main indicators through ta4j, as a caching indicator chain read at every new bar. */
    private static long ta4jRate(List<Candle> candles, NumKind kind) {
        for (int round = 0; round < 2; round++) {
            BarSeries s = SeriesFactory.newSeries("b", 1000, kind);
            ClosePriceIndicator close = new ClosePriceIndicator(s);
            RSIIndicator rsi = new RSIIndicator(close, 14);
            ATRIndicator atr = new ATRIndicator(s, 14);
            EMAIndicator e12 = new EMAIndicator(close, 12);
            EMAIndicator e26 = new EMAIndicator(close, 26);
            SMAIndicator sma20 = new SMAIndicator(close, 20);
            SMAIndicator sma50 = new SMAIndicator(close, 50);
            StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
            MACDIndicator macd = new MACDIndicator(close, 12, 26);
            EMAIndicator signal = macd.getSignalLine(9);
            long t0 = System.nanoTime();
            double acc = 0;
            for (Candle c : candles) {
                SeriesFactory.append(s, c);
                int i = s.getEndIndex();
                acc += rsi.getValue(i).doubleValue() + atr.getValue(i).doubleValue() + e12.getValue(i).doubleValue()
                        + e26.getValue(i).doubleValue() + sma20.getValue(i).doubleValue() + sma50.getValue(i).doubleValue()
                        + sd.getValue(i).doubleValue() + signal.getValue(i).doubleValue();
            }
            sink = acc;
            if (round == 1) {
                return Math.round(candles.size() / ((System.nanoTime() - t0) / 1e9));
            }
        }
        throw new IllegalStateException();
    }

    private static FeatureEngine filled(List<Candle> candles, NumKind kind) {
        FeatureEngine e = new FeatureEngine("BTC-USD", "1m", 1000, true, kind);
        candles.subList(0, 1000).forEach(e::accept);
        return e;
    }

    private static double catalogueMs(List<Candle> candles, NumKind kind) {
        MetricsCatalogue cat = new MetricsCatalogue();
        FeatureEngine e = filled(candles, kind);
        MetricsRequest req = MetricsRequest.parse(new JsonObject().put("symbol", "BTC-USD").put("timeframe", "1m"), 1000);
        int n = kind == NumKind.DOUBLE ? 40 : 5;
        for (int i = 0; i < n; i++) {
            sink = cat.compute(req, e.series().getBarData());
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink = cat.compute(req, e.series().getBarData());
        }
        return Math.round((System.nanoTime() - t0) / 1e6 / n * 100) / 100.0;
    }

    private static double catalogueAgreement(List<Candle> candles) {
        MetricsCatalogue cat = new MetricsCatalogue();
        MetricsRequest req = MetricsRequest.parse(new JsonObject().put("symbol", "BTC-USD").put("timeframe", "1m").put("tail", 400), 1000);
        JsonArray a = cat.compute(req, filled(candles, NumKind.DOUBLE).series().getBarData()).getJsonArray("preview");
        JsonArray b = cat.compute(req, filled(candles, NumKind.DECIMAL).series().getBarData()).getJsonArray("preview");
        double worst = 0;
        for (int r = 0; r < a.size(); r++) {
            JsonObject ra = a.getJsonObject(r);
            JsonObject rb = b.getJsonObject(r);
            for (String k : ra.fieldNames()) {
                if (ra.getValue(k) instanceof Number x && rb.getValue(k) instanceof Number y) {
                    double scale = Math.max(1e-9, Math.max(Math.abs(x.doubleValue()), Math.abs(y.doubleValue())));
                    worst = Math.max(worst, Math.abs(x.doubleValue() - y.doubleValue()) / scale);
                }
            }
        }
        return worst;
    }

    /** Heap held by one symbol: an engine per timeframe (1m, 5m, 15m, 1h), each with 1000 bars. */
    private static long memoryPerSymbolKb(List<Candle> candles, NumKind kind) {
        int symbols = 50;
        long before = usedHeap();
        List<FeatureEngine> keep = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            for (int tf = 0; tf < 4; tf++) {
                FeatureEngine e = new FeatureEngine("BTC-USD", "1m", 1000, kind != null, kind == null ? NumKind.DOUBLE : kind);
                for (Candle c : candles.subList(0, 1000)) {
                    e.accept(c);
                }
                e.latest();
                keep.add(e);
            }
        }
        long after = usedHeap();
        sink = keep;
        return Math.round((after - before) / 1024.0 / symbols);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
