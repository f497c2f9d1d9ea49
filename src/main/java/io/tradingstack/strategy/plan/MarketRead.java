package io.tradingstack.strategy.plan;

import io.tradingstack.features.Timeframe;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.strategy.rules.MarketStates;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the planner reads from recent feature vectors: the prevailing trend (majority of the
 * window's trend states), the latest volatility state, RSI quantiles and the ATR as a fraction of
 * price. Only warm vectors (RSI, ATR, SMA50 and EMA26 defined) count.
 */
record MarketRead(String trend, int trendVotes, int warm, String vol, double rsiLow, double rsiMedian, double rsiHigh,
                  double atrPct, double lastClose) {

    static final int MIN_WARM = 20;

    static MarketRead of(List<FeatureVector> vectors, String timeframe) {
        double scale = MarketStates.scale(Timeframe.parse(timeframe).seconds());
        List<FeatureVector> warm = new ArrayList<>();
        for (FeatureVector v : vectors) {
            if (v != null && v.rsi14() != null && v.atr14() != null && v.sma50() != null && v.ema26() != null
                    && v.realizedVol20() != null && v.lastPrice() != null && v.lastPrice() > 0) {
                warm.add(v);
            }
        }
        if (warm.size() < MIN_WARM) {
            return null;
        }
        int up = 0;
        int down = 0;
        for (FeatureVector v : warm) {
            String t = MarketStates.trendState(v, scale);
            up += "uptrend".equals(t) ? 1 : 0;
            down += "downtrend".equals(t) ? 1 : 0;
        }
        int half = warm.size() / 2;
        String trend = up > half ? "uptrend" : down > half ? "downtrend" : "sideways";
        double[] rsi = warm.stream().mapToDouble(FeatureVector::rsi14).sorted().toArray();
        FeatureVector last = warm.get(warm.size() - 1);
        return new MarketRead(trend, Math.max(up, down), warm.size(), MarketStates.volState(last, scale),
                quantile(rsi, 0.2), quantile(rsi, 0.5), quantile(rsi, 0.8), last.atr14() / last.lastPrice(), last.lastPrice());
    }

    /** Linear-interpolation quantile of sorted values (the common "type 7" definition). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public String toString() {
        return "trend " + trend + " (" + trendVotes + " of " + warm + " bars), vol " + vol + ", RSI p20/p50/p80 "
                + Arrays.toString(new long[]{Math.round(rsiLow), Math.round(rsiMedian), Math.round(rsiHigh)})
                + ", ATR " + String.format(java.util.Locale.ROOT, "%.3f", atrPct * 100) + " % of price";
    }
}
