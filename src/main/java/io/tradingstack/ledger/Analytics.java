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
 * clock). A metric that is not defined is null and its reason is listed under {@code reasons};
 * no value is ever made up. Annualized figures (annualized return, volatility, Sharpe, Sortino)
 * need a curve spanning at least {@link #MIN_SPAN_SECONDS} (one day) with at least
 * {@value #MIN_RETURNS} returns: a Sharpe ratio from a few minutes of samples is noise. Ratios are
 * doubles (statistics, not money); money amounts are exact decimals.
 */
public final class Analytics {
    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;
    /** Shortest equity curve behind an annualized figure. */
    public static final long MIN_SPAN_SECONDS = 86_400;
    /** Fewest returns behind an annualized figure. */
    public static final int MIN_RETURNS = 3;

    private Analytics() {
    }

    /** Performance over the given samples (oldest first), trade results (net per closing fill) and interval. */
    public static Map<String, Object> performance(List<EquitySample> samples, List<BigDecimal> trades, long intervalSec) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, String> undefined = new LinkedHashMap<>();
        double periodsPerYear = SECONDS_PER_YEAR / intervalSec;
        out.put("samples", samples.size());
        out.put("interval_seconds", intervalSec);
        List<Double> r = returns(samples);
        returnMetrics(samples, r, periodsPerYear, out, undefined);
        drawdown(samples, intervalSec, out, undefined);
        tradeMetrics(trades, out, undefined);
        exposure(samples, out, undefined);
        out.put("reasons", undefined);
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
        List<String> annualized = List.of("annualized_return", "volatility", "sharpe_ratio", "sortino_ratio");
        if (r.isEmpty()) {
            put(out, undefined, "total_return", null, "needs at least two equity samples");
            put(out, undefined, "total_pnl", null, "needs at least two equity samples");
            annualized.forEach(k -> put(out, undefined, k, null, "needs at least two equity samples"));
            return;
        }
        BigDecimal first = s.get(0).equity();
        BigDecimal last = s.get(s.size() - 1).equity();
        double total = last.divide(first, MathContext.DECIMAL64).doubleValue() - 1;
        out.put("total_return", total);
        out.put("total_pnl", last.subtract(first));
        long span = s.get(s.size() - 1).time().getEpochSecond() - s.get(0).time().getEpochSecond();
        if (span < MIN_SPAN_SECONDS || r.size() < MIN_RETURNS) {
            String why = "needs at least one day of equity samples and " + MIN_RETURNS + " returns; have "
                    + span + " s and " + r.size();
            annualized.forEach(k -> put(out, undefined, k, null, why));
            return;
        }
        out.put("annualized_return", Math.pow(1 + total, perYear / r.size()) - 1);
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sd = Math.sqrt(r.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (r.size() - 1));
        out.put("volatility", sd * Math.sqrt(perYear));
        put(out, undefined, "sharpe_ratio", sd == 0 ? null : mean / sd * Math.sqrt(perYear), "returns have zero variance");
        double downside = Math.sqrt(r.stream().mapToDouble(x -> x < 0 ? x * x : 0).sum() / r.size());
        put(out, undefined, "sortino_ratio", downside == 0 ? null : mean / downside * Math.sqrt(perYear), "no negative returns");
    }

    private static void drawdown(List<EquitySample> s, long intervalSec, Map<String, Object> out, Map<String, String> undefined) {
        if (s.size() < 2) {
            put(out, undefined, "max_drawdown", null, "needs at least two equity samples");
            put(out, undefined, "max_drawdown_duration_seconds", null, "needs at least two equity samples");
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
        out.put("max_drawdown", maxDd);
        out.put("max_drawdown_duration_seconds", longest);
    }

    /** Trades are closing fills; each result is net of the closing fee (realized P&L − sell fee). */
    private static void tradeMetrics(List<BigDecimal> trades, Map<String, Object> out, Map<String, String> undefined) {
        out.put("total_trades", trades.size());
        List<BigDecimal> wins = trades.stream().filter(t -> t.signum() > 0).toList();
        List<BigDecimal> losses = trades.stream().filter(t -> t.signum() < 0).toList();
        BigDecimal won = sum(wins);
        BigDecimal lost = sum(losses).negate();
        String none = "no closed trade";
        put(out, undefined, "win_rate", trades.isEmpty() ? null : (double) wins.size() / trades.size(), none);
        put(out, undefined, "avg_trade_pnl", trades.isEmpty() ? null
                : sum(trades).divide(BigDecimal.valueOf(trades.size()), MathContext.DECIMAL64), none);
        put(out, undefined, "profit_factor", lost.signum() == 0 ? null : won.divide(lost, MathContext.DECIMAL64).doubleValue(),
                trades.isEmpty() ? none : "no losing trade");
        put(out, undefined, "average_win", wins.isEmpty() ? null
                : won.divide(BigDecimal.valueOf(wins.size()), MathContext.DECIMAL64), "no winning trade");
        put(out, undefined, "average_loss", losses.isEmpty() ? null
                : lost.negate().divide(BigDecimal.valueOf(losses.size()), MathContext.DECIMAL64), "no losing trade");
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
        out.put("equity", equity);
        put(out, undefined, "cash_ratio", ok ? ratio(cash, equity) : null, why);
        Map<String, Object> concentration = new LinkedHashMap<>();
        marketValues.forEach((sym, mv) -> concentration.put(sym, ok ? ratio(mv.abs(), equity) : null));
        out.put("concentration", concentration);
        put(out, undefined, "gross_exposure", ok ? ratio(gross, equity) : null, why);
        put(out, undefined, "net_exposure", ok ? ratio(net, equity) : null, why);
        put(out, undefined, "leverage", ok ? ratio(gross, equity) : null, why);
        out.put("reasons", undefined);
        return out;
    }

    /** The money figures of {@link #performance}: exact decimals, sent as text through Temporal queries. */
    public static final List<String> MONEY_KEYS = List.of("total_pnl", "avg_trade_pnl", "average_win", "average_loss");

    /** A copy with the money figures as plain decimal text (a Temporal query answer must not round them). */
    public static Map<String, Object> moneyAsText(Map<String, Object> metrics) {
        Map<String, Object> out = new LinkedHashMap<>(metrics);
        for (String k : MONEY_KEYS) {
            if (out.get(k) instanceof BigDecimal d) {
                out.put(k, d.toPlainString());
            }
        }
        return out;
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
