package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Performance figures of a run. Returns are fractions. Sharpe and Sortino use daily returns (the
 * equity at each UTC day's last close), a zero risk-free rate and √365 annualization (crypto trades
 * every day); the reference annualized hourly returns as if daily, which overstated them. Drawdown
 * is max over t of (peak_t − equity_t)/peak_t over the whole equity curve. A figure that is not
 * defined is null and {@code reasons} says why: Sharpe and Sortino need at least
 * {@value #MIN_DAILY_RETURNS} daily returns (a ratio from a few days is noise, not a statistic) and
 * non-zero (downside) deviation; the annualized return needs a run of at least one day; the win
 * rate needs a closed trade.
 */
public final class Metrics {
    static final int SCALE = 8;
    private static final double DAYS_PER_YEAR = 365.0;
    /** Fewest daily returns behind a Sharpe or Sortino ratio. */
    public static final int MIN_DAILY_RETURNS = 7;

    private Metrics() {
    }

    public static Map<String, Object> compute(BacktestResult r, BigDecimal initialCash) {
        return compute(r, initialCash, Drawdown.of(r.equity()));
    }

    static Map<String, Object> compute(BacktestResult r, BigDecimal initialCash, Drawdown drawdown) {
        EquityCurve curve = r.equity();
        BigDecimal finalEquity = curve.last();
        double total = finalEquity.divide(initialCash, MathContext.DECIMAL64).doubleValue() - 1.0;
        double days = (curve.time(curve.size() - 1) - curve.time(0)) / 86_400.0;
        List<Double> daily = dailyReturns(curve);
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        m.put("total_return", round(total));
        put(m, reasons, "annualized_return", days < 1 ? null : round(Math.pow(1.0 + total, 365.25 / days) - 1.0),
                "the run spans less than one day");
        String few = "needs at least " + MIN_DAILY_RETURNS + " daily returns, the run has " + daily.size();
        put(m, reasons, "sharpe", daily.size() < MIN_DAILY_RETURNS ? null : round(sharpe(daily)),
                daily.size() < MIN_DAILY_RETURNS ? few : "daily returns have zero variance");
        put(m, reasons, "sortino", daily.size() < MIN_DAILY_RETURNS ? null : round(sortino(daily)),
                daily.size() < MIN_DAILY_RETURNS ? few : "no negative daily return");
        m.put("max_drawdown", drawdown.value());
        tradeStats(r.trades(), m, reasons);
        m.put("final_equity", finalEquity.setScale(SCALE, RoundingMode.HALF_EVEN));
        m.put("fees", r.fees());
        m.put("realized_pnl", r.realizedPnl());
        m.put("open_trades", r.openTrades());
        m.put("reasons", reasons);
        return m;
    }

    /** Max drawdown as a fraction, exact to {@link #SCALE} decimals. */
    public static BigDecimal maxDrawdown(EquityCurve curve) {
        return Drawdown.of(curve).value();
    }

    private static void put(Map<String, Object> m, Map<String, String> reasons, String key, Object value, String why) {
        m.put(key, value);
        if (value == null) {
            reasons.put(key, why);
        }
    }

    private static void tradeStats(List<TradeBook.Trade> trades, Map<String, Object> m, Map<String, String> reasons) {
        BigDecimal wins = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        int won = 0;
        for (TradeBook.Trade t : trades) {
            if (t.pnl().signum() > 0) {
                won++;
                wins = wins.add(t.pnl());
            } else {
                losses = losses.add(t.pnl().negate());
            }
        }
        put(m, reasons, "win_rate", trades.isEmpty() ? null
                : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(trades.size()), SCALE, RoundingMode.HALF_EVEN),
                "no closed trade");
        put(m, reasons, "profit_factor", losses.signum() == 0 ? null : wins.divide(losses, SCALE, RoundingMode.HALF_EVEN),
                trades.isEmpty() ? "no closed trade" : "no losing trade");
        m.put("trades", trades.size());
    }

    /** Returns between the equity at each UTC day's last close (the first point opens the first day). */
    static List<Double> dailyReturns(EquityCurve curve) {
        List<Double> closes = new ArrayList<>();
        closes.add(curve.equity(0).doubleValue());
        long day = Math.floorDiv(curve.time(0), 86_400L);
        int last = 0;
        for (int i = 1; i < curve.size(); i++) {
            long d = Math.floorDiv(curve.time(i) - 1, 86_400L);
            if (d != day) {
                closes.add(curve.equity(last).doubleValue());
                day = d;
            }
            last = i;
        }
        closes.add(curve.equity(last).doubleValue());
        List<Double> returns = new ArrayList<>();
        for (int i = 1; i < closes.size(); i++) {
            returns.add(closes.get(i) / closes.get(i - 1) - 1.0);
        }
        return returns;
    }

    static double sharpe(List<Double> r) {
        if (r.size() < 2) {
            return Double.NaN;
        }
        double mean = mean(r);
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(var / (r.size() - 1));
        return sd == 0 ? Double.NaN : mean / sd * Math.sqrt(DAYS_PER_YEAR);
    }

    static double sortino(List<Double> r) {
        if (r.size() < 2) {
            return Double.NaN;
        }
        double down = 0;
        for (double x : r) {
            down += x < 0 ? x * x : 0;
        }
        double dd = Math.sqrt(down / r.size());
        return dd == 0 ? Double.NaN : mean(r) / dd * Math.sqrt(DAYS_PER_YEAR);
    }

    private static double mean(List<Double> r) {
        double s = 0;
        for (double x : r) {
            s += x;
        }
        return s / r.size();
    }

    private static BigDecimal round(double v) {
        if (!Double.isFinite(v)) {
            return null;
        }
        return BigDecimal.valueOf(v).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
