package io.tradingstack.backtest;

import io.tradingstack.model.Candle;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reader compares a strategy with, from the same data: the market's change per pair, a
 * buy-and-hold benchmark that invests the whole initial cash at the first bar's open (split evenly
 * between the pairs, paying the run's fee and slippage once on entry, nothing on exit), its value
 * and each pair's close at the report's curve points, the strategy's monthly returns (from every
 * point of the curve) and its figures per pair. Ratios are fractions to {@link Metrics#SCALE}
 * decimals, like the other metrics.
 */
final class MarketComparison {
    private MarketComparison() {
    }

    /** The report's {@code market} section; {@code sampled} are the indices of report.json's downsampled curve. */
    static Map<String, Object> build(BacktestResult r, BacktestConfig config, int[] sampled) {
        EquityCurve curve = r.equity();
        List<Dataset> pairs = r.datasets().stream().filter(d -> !d.candles().isEmpty()).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> change = new LinkedHashMap<>();
        for (Dataset d : pairs) {
            change.put(d.symbol(), ratio(last(d).close() / d.candles().get(0).open() - 1.0));
        }
        m.put("market_change", change);
        BigDecimal[] qty = benchmarkQuantities(pairs, config);
        List<Map<String, Object>> benchmark = new ArrayList<>(sampled.length);
        Map<String, List<Object>> prices = new LinkedHashMap<>();
        pairs.forEach(d -> prices.put(d.symbol(), new ArrayList<>(sampled.length)));
        int[] cursor = new int[pairs.size()];
        BigDecimal value = config.initialCash();
        for (int i : sampled) {
            long t = curve.time(i);
            BigDecimal v = BigDecimal.ZERO;
            for (int p = 0; p < pairs.size(); p++) {
                Candle c = closedBy(pairs.get(p), t, cursor, p);
                prices.get(pairs.get(p).symbol()).add(c == null ? null : BigDecimal.valueOf(c.close()));
                Candle mark = c == null ? pairs.get(p).candles().get(0) : c;
                v = v.add(qty[p].multiply(BigDecimal.valueOf(c == null ? mark.open() : mark.close())));
            }
            value = pairs.isEmpty() ? value : v.setScale(Metrics.SCALE, RoundingMode.HALF_EVEN);
            Map<String, Object> point = new LinkedHashMap<>(2);
            point.put("time", Timestamps.iso(t));
            point.put("equity", value);
            benchmark.add(point);
        }
        Map<String, Object> bh = new LinkedHashMap<>();
        bh.put("description", "whole initial cash at the first bar's open, split evenly between pairs, entry fee and slippage paid");
        bh.put("total_return", ratio(value.divide(config.initialCash(), MathContext.DECIMAL64).doubleValue() - 1.0));
        bh.put("curve", benchmark);
        m.put("buy_and_hold", bh);
        m.put("price_curve", prices);
        m.put("monthly_returns", monthly(curve));
        m.put("per_pair", perPair(r, change));
        return m;
    }

    /** Quantities bought with an even split of the cash at each pair's first open, after costs. */
    private static BigDecimal[] benchmarkQuantities(List<Dataset> pairs, BacktestConfig config) {
        BigDecimal[] qty = new BigDecimal[pairs.size()];
        if (pairs.isEmpty()) {
            return qty;
        }
        BigDecimal share = config.initialCash().divide(BigDecimal.valueOf(pairs.size()), MathContext.DECIMAL64);
        BigDecimal afterFee = BigDecimal.ONE.subtract(config.feeBps().movePointLeft(4));
        BigDecimal slip = BigDecimal.ONE.add(config.slippageBps().movePointLeft(4));
        for (int p = 0; p < pairs.size(); p++) {
            BigDecimal entry = BigDecimal.valueOf(pairs.get(p).candles().get(0).open()).multiply(slip);
            qty[p] = share.multiply(afterFee).divide(entry, MathContext.DECIMAL64);
        }
        return qty;
    }

    /** The last candle of the pair closed by {@code epochSecond} (cursor moves forward only: points ascend). */
    private static Candle closedBy(Dataset d, long epochSecond, int[] cursor, int p) {
        List<Candle> cs = d.candles();
        int k = cursor[p];
        while (k < cs.size() && cs.get(k).end().getEpochSecond() <= epochSecond) {
            k++;
        }
        cursor[p] = k;
        return k == 0 ? null : cs.get(k - 1);
    }

    private static Candle last(Dataset d) {
        return d.candles().get(d.candles().size() - 1);
    }

    /** Return of each UTC calendar month: its last point against the previous month's last (the first month against the start). */
    static Map<String, Object> monthly(EquityCurve curve) {
        Map<String, Object> out = new TreeMap<>();
        if (curve.size() == 0) {
            return out;
        }
        BigDecimal base = curve.equity(0);
        YearMonth month = month(curve.time(0));
        int lastInMonth = 0;
        long day = Long.MIN_VALUE;
        for (int i = 1; i < curve.size(); i++) {
            // A point at 00:00 UTC closes the bar of the previous day, so it belongs to that month.
            long d = Math.floorDiv(curve.time(i) - 1, 86_400L);
            YearMonth m = d == day ? month : month(curve.time(i) - 1);
            day = d;
            if (!m.equals(month)) {
                BigDecimal end = curve.equity(lastInMonth);
                out.put(month.toString(), change(base, end));
                base = end;
                month = m;
            }
            lastInMonth = i;
        }
        out.put(month.toString(), change(base, curve.equity(lastInMonth)));
        return out;
    }

    private static YearMonth month(long epochSecond) {
        return YearMonth.from(Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC));
    }

    private static BigDecimal change(BigDecimal from, BigDecimal to) {
        return from.signum() == 0 ? null : to.divide(from, MathContext.DECIMAL64).subtract(BigDecimal.ONE)
                .setScale(Metrics.SCALE, RoundingMode.HALF_EVEN);
    }

    private static Map<String, Object> perPair(BacktestResult r, Map<String, Object> change) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String symbol : change.keySet()) {
            int trades = 0;
            int won = 0;
            BigDecimal pnl = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;
            for (TradeBook.Trade t : r.trades()) {
                if (t.symbol().equals(symbol)) {
                    trades++;
                    won += t.pnl().signum() > 0 ? 1 : 0;
                    pnl = pnl.add(t.pnl());
                    fees = fees.add(t.fees());
                }
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("trades", trades);
            one.put("win_rate", trades == 0 ? null
                    : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(trades), Metrics.SCALE, RoundingMode.HALF_EVEN));
            one.put("closed_trades_pnl_net", pnl);
            one.put("fees", fees);
            one.put("market_change", change.get(symbol));
            one.put("position_at_end", r.finalPositions().getOrDefault(symbol, BigDecimal.ZERO));
            out.put(symbol, one);
        }
        return out;
    }

    private static BigDecimal ratio(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(Metrics.SCALE, RoundingMode.HALF_EVEN) : null;
    }
}
