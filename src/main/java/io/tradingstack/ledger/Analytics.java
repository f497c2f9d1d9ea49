package io.tradingstack.ledger;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance and risk metrics; pure. Returns come from an equity curve sampled at a fixed
 * interval and are annualized by that interval over a 365-day year (crypto trades around the
 * clock). A metric that is not defined is null and its reason is listed under {@code undefined};
 * no value is ever made up. Ratios are doubles (they are statistics, not money); money amounts
 * (average win and loss, equity) are decimal strings.
 */
public final class Analytics {
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

    private Analytics() {
    }

    /** Performance over the given samples (oldest first), trade results (net per closing fill) and interval. */
    public static Map<String, Object> performance(List<EquitySample> samples, List<BigDecimal> trades, long intervalSec) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> undefined = new LinkedHashMap<>();
        double periodsPerYear = SECONDS_PER_YEAR / intervalSec;
        out.put("samples", samples.size());
        out.put("intervalSeconds", intervalSec);
        List<Double> r = returns(samples);
        returnMetrics(samples, r, periodsPerYear, out, undefined);
        drawdown(samples, intervalSec, out, undefined);
        tradeMetrics(trades, out, undefined);
        exposure(samples, out, undefined);
        out.put("undefined", undefined);
        return out;
    }

    static List<Double> returns(List<EquitySample> samples) {
        List<Double> r = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            BigDecimal prev = samples.get(i - 1).equity();
            if (prev.signum() > 0) {
                r.add(samples.get(i).equity().divide(prev, MathContext.DECIMAL64).doubleValue() - 1);
            }
        }
        return r;
    }

    private static void returnMetrics(List<EquitySample> s, List<Double> r, double perYear,
                                      Map<String, Object> out, Map<String, String> undefined) {
        if (r.isEmpty()) {
            for (String k : List.of("totalReturn", "annualizedReturn", "volatility", "sharpe", "sortino")) {
                put(out, undefined, k, null, "needs at least two equity samples");
            }
            return;
        }
        double total = s.get(s.size() - 1).equity().divide(s.get(0).equity(), MathContext.DECIMAL64).doubleValue() - 1;
        out.put("totalReturn", total);
        out.put("annualizedReturn", Math.pow(1 + total, perYear / r.size()) - 1);
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (r.size() < 2) {
            for (String k : List.of("volatility", "sharpe", "sortino")) {
                put(out, undefined, k, null, "needs at least two returns");
            }
            return;
        }
        double sd = Math.sqrt(r.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (r.size() - 1));
        out.put("volatility", sd * Math.sqrt(perYear));
        put(out, undefined, "sharpe", sd == 0 ? null : mean / sd * Math.sqrt(perYear), "returns have zero variance");
        double downside = Math.sqrt(r.stream().mapToDouble(x -> x < 0 ? x * x : 0).sum() / r.size());
        put(out, undefined, "sortino", downside == 0 ? null : mean / downside * Math.sqrt(perYear), "no negative returns");
    }

    private static void drawdown(List<EquitySample> s, long intervalSec, Map<String, Object> out, Map<String, String> undefined) {
        if (s.size() < 2) {
            put(out, undefined, "maxDrawdown", null, "needs at least two equity samples");
            put(out, undefined, "maxDrawdownDurationSeconds", null, "needs at least two equity samples");
            return;
        }
        BigDecimal peak = s.get(0).equity();
        int peakAt = 0;
        double maxDd = 0;
        long longest = 0;
        for (int i = 1; i < s.size(); i++) {
            BigDecimal e = s.get(i).equity();
            if (e.compareTo(peak) >= 0) {
                peak = e;
                peakAt = i;
            } else if (peak.signum() > 0) {
                maxDd = Math.max(maxDd, 1 - e.divide(peak, MathContext.DECIMAL64).doubleValue());
            }
            longest = Math.max(longest, (long) (i - peakAt) * intervalSec);
        }
        out.put("maxDrawdown", maxDd);
        out.put("maxDrawdownDurationSeconds", longest);
    }

    private static void tradeMetrics(List<BigDecimal> trades, Map<String, Object> out, Map<String, String> undefined) {
        out.put("trades", trades.size());
        List<BigDecimal> wins = trades.stream().filter(t -> t.signum() > 0).toList();
        List<BigDecimal> losses = trades.stream().filter(t -> t.signum() < 0).toList();
        BigDecimal won = sum(wins);
        BigDecimal lost = sum(losses).negate();
        put(out, undefined, "winRate", trades.isEmpty() ? null : (double) wins.size() / trades.size(), "no closed trades");
        put(out, undefined, "profitFactor", lost.signum() == 0 ? null : won.divide(lost, MathContext.DECIMAL64).doubleValue(),
                "no losing trades");
        put(out, undefined, "averageWin", wins.isEmpty() ? null
                : plain(won.divide(BigDecimal.valueOf(wins.size()), MathContext.DECIMAL64)), "no winning trades");
        put(out, undefined, "averageLoss", losses.isEmpty() ? null
                : plain(lost.negate().divide(BigDecimal.valueOf(losses.size()), MathContext.DECIMAL64)), "no losing trades");
    }

    private static void exposure(List<EquitySample> s, Map<String, Object> out, Map<String, String> undefined) {
        if (s.isEmpty()) {
            put(out, undefined, "exposure", null, "no equity samples");
            return;
        }
        long invested = s.stream().filter(x -> x.exposure().signum() > 0).count();
        out.put("exposure", (double) invested / s.size());
    }

    /** Risk of the current book: shares of equity, from position market values. */
    public static Map<String, Object> risk(BigDecimal equity, BigDecimal cash, Map<String, BigDecimal> marketValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> undefined = new LinkedHashMap<>();
        boolean ok = equity.signum() > 0;
        String why = "equity is not positive";
        BigDecimal gross = marketValues.values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal net = marketValues.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        out.put("equity", plain(equity));
        put(out, undefined, "cashRatio", ok ? ratio(cash, equity) : null, why);
        Map<String, Object> concentration = new LinkedHashMap<>();
        marketValues.forEach((sym, mv) -> concentration.put(sym, ok ? ratio(mv.abs(), equity) : null));
        out.put("concentration", concentration);
        put(out, undefined, "grossExposure", ok ? ratio(gross, equity) : null, why);
        put(out, undefined, "netExposure", ok ? ratio(net, equity) : null, why);
        put(out, undefined, "leverage", ok ? ratio(gross, equity) : null, why);
        out.put("undefined", undefined);
        return out;
    }

    /** Money leaves as exact decimal text, never as a double. */
    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static double ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL64).doubleValue();
    }

    private static BigDecimal sum(List<BigDecimal> xs) {
        return xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void put(Map<String, Object> out, Map<String, String> undefined, String key, Object value, String reason) {
        out.put(key, value);
        if (value == null) {
            undefined.put(key, reason);
        }
    }
}
