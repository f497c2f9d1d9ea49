package io.tradingstack.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants over every bar of the real data sets and over random walks with gaps and flat runs. */
class FeaturePropertiesTest {

    @Test
    void invariantsHoldOnAllRealData() {
        check(MarketFiles.btc1m(), "BTC-USD", "1m");
        check(MarketFiles.eth1m(), "ETH-USD", "1m");
        check(MarketFiles.coinbase1h(), "BTC-USD", "1h");
    }

    @Test
    void invariantsHoldOnRandomWalks() {
        for (long seed = 1; seed <= 20; seed++) {
            check(randomWalk(new SplittableRandom(seed), 3_000), "R", "1m");
        }
    }

    private static List<Candle> randomWalk(SplittableRandom rnd, int n) {
        List<Candle> out = new ArrayList<>(n);
        double p = 10 + rnd.nextDouble() * 1000;
        for (int i = 0; i < n; i++) {
            double o = p;
            boolean flat = rnd.nextInt(10) == 0;
            double c = flat ? o : o * Math.exp(rnd.nextGaussian() * 0.01);
            double h = Math.max(o, c) * (1 + (flat ? 0 : rnd.nextDouble() * 0.005));
            double l = Math.min(o, c) * (1 - (flat ? 0 : rnd.nextDouble() * 0.005));
            double v = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble() * 100;
            out.add(new Candle("R", 60, Instant.ofEpochSecond(60L * (i + rnd.nextInt(2) * 3)), o, h, l, c, v));
            p = c;
        }
        return out;
    }

    private static void check(List<Candle> candles, String symbol, String tf) {
        FeatureEngine e = new FeatureEngine(symbol, tf, 500, false);
        int accepted = 0;
        for (Candle c : candles) {
            if (e.accept(c)) {
                accepted++;
            }
            FeatureVector v = e.latest();
            String at = symbol + " " + v.barTime();
            if (v.rsi14() != null) {
                assertTrue(v.rsi14() >= 0 && v.rsi14() <= 100, "RSI in [0,100] " + at + " " + v.rsi14());
            }
            if (v.atr14() != null) {
                assertTrue(v.atr14() >= 0, "ATR >= 0 " + at);
            }
            if (v.bbMiddle() != null) {
                assertTrue(v.bbLower() <= v.bbMiddle() && v.bbMiddle() <= v.bbUpper(), "BB ordered " + at);
            }
            if (v.rollingHigh20() != null) {
                assertTrue(v.rollingLow20() <= v.lastPrice() && v.lastPrice() <= v.rollingHigh20(), "close inside range " + at);
            }
            if (v.realizedVol20() != null) {
                assertTrue(v.realizedVol20() >= 0, "vol >= 0 " + at);
            }
            if (v.vwap() != null) {
                assertTrue(Double.isFinite(v.vwap()) && v.vwap() > 0, "vwap > 0 " + at);
            }
        }
        assertEquals(accepted, e.bars());
    }

    @Test
    void runningSumsDoNotDriftOverMillionsOfUpdates() {
        RollingWindow w = new RollingWindow(20);
        SplittableRandom rnd = new SplittableRandom(7);
        double[] last = new double[20];
        for (int i = 0; i < 2_000_000; i++) {
            double x = 60_000 + rnd.nextGaussian() * 50 + i * 0.01;
            w.add(x);
            last[i % 20] = x;
        }
        double mean = 0;
        for (double x : last) {
            mean += x / 20;
        }
        double var = 0;
        for (double x : last) {
            var += (x - mean) * (x - mean) / 20;
        }
        assertEquals(mean, w.mean(), 1e-9 * mean);
        assertEquals(var, w.variance(), 1e-6 * var);
    }

    @Test
    void rollingExtremeMatchesBruteForce() {
        SplittableRandom rnd = new SplittableRandom(3);
        RollingExtreme max = new RollingExtreme(7, true);
        RollingExtreme min = new RollingExtreme(7, false);
        double[] xs = new double[5_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rnd.nextInt(20);
            max.add(xs[i]);
            min.add(xs[i]);
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int j = Math.max(0, i - 6); j <= i; j++) {
                hi = Math.max(hi, xs[j]);
                lo = Math.min(lo, xs[j]);
            }
            assertEquals(hi, max.value(), "max @" + i);
            assertEquals(lo, min.value(), "min @" + i);
        }
    }
}
