package io.tradingstack.backtest;

import io.tradingstack.model.Fill;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds {@code report.json} (snake_case, field order fixed) from a result. Everything but
 * {@code throughput} depends only on the input, so two runs give byte-identical reports once
 * throughput is removed. Values are plain (maps, lists, strings, numbers), written by {@link ReportJson}.
 */
public final class BacktestReport {
    private BacktestReport() {
    }

    public static Map<String, Object> build(BacktestResult r, BacktestConfig config, String strategy) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Dataset> ds = r.datasets();
        m.put("pair", String.join(",", ds.stream().map(Dataset::symbol).distinct().toList()));
        m.put("timeframe", String.join(",", ds.stream().map(Dataset::timeframe).distinct().toList()));
        EquityCurve curve = r.equity();
        m.put("start", Timestamps.iso(curve.time(0)));
        m.put("end", Timestamps.iso(curve.time(curve.size() - 1)));
        m.put("bars", r.bars());
        m.put("initial_cash", config.initialCash());
        m.put("quote_currency", r.quote());
        m.put("strategy", strategy);
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("fee_bps", config.feeBps());
        costs.put("slippage_bps", config.slippageBps());
        costs.put("execution", "next bar open, bid = ask = open, slippage and taker fee from PaperFillModel");
        m.put("costs", costs);
        m.put("risk_limits", limits(config));
        Drawdown drawdown = Drawdown.of(curve);
        m.put("metrics", Metrics.compute(r, config.initialCash(), drawdown));
        m.put("final_state", finalState(r));
        m.put("orders", r.orders());
        m.put("fills", r.fills().stream().map(BacktestReport::fill).toList());
        m.put("trades", r.trades().stream().map(BacktestReport::trade).toList());
        int[] sampled = CurveSample.indices(curve, drawdown);
        m.put("equity_curve", equity(curve, sampled));
        m.put("equity_curve_full", fullCurve(curve));
        m.put("market", MarketComparison.build(r, config, sampled));
        m.put("limit_enforcement", r.limitEnforcement().toJson());
        m.put("data_issues", dataIssues(ds));
        m.put("throughput", throughput(r));
        return m;
    }

    private static Map<String, Object> limits(BacktestConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_position_risk_pct", c.limits().maxPositionRiskPct());
        m.put("max_symbol_exposure_pct", c.limits().maxSymbolExposurePct());
        m.put("max_portfolio_exposure_pct", c.limits().maxPortfolioExposurePct());
        m.put("max_daily_loss_pct", c.limits().maxDailyLossPct());
        m.put("max_daily_risk_budget_pct", c.limits().maxDailyRiskBudgetPct());
        m.put("max_trades_per_day", c.limits().maxTradesPerDay());
        m.put("symbol_vetoes", c.limits().symbolVetoes().stream().sorted().toList());
        m.put("direction_vetoes", c.limits().directionVetoes().stream().map(d -> d.key()).sorted().toList());
        Map<String, Object> adjustments = new LinkedHashMap<>();
        adjustments.put("global", c.adjustments().global());
        adjustments.put("symbols", new java.util.TreeMap<>(c.adjustments().symbols()));
        adjustments.put("until", c.adjustments().until() == null ? null : c.adjustments().until().toString());
        m.put("risk_adjustments", adjustments);
        return m;
    }

    private static Map<String, Object> finalState(BacktestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cash", r.finalCash());
        m.put("reserve", r.finalReserve());
        m.put("positions", r.finalPositions());
        m.put("equity", r.finalEquity());
        return m;
    }

    private static Map<String, Object> fill(Fill f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Timestamps.iso(f.time()));
        m.put("symbol", f.symbol());
        m.put("side", f.side().name().toLowerCase(Locale.ROOT));
        m.put("qty", f.qty());
        m.put("price", f.price());
        m.put("fee", f.fee());
        m.put("fill_id", f.fillId());
        m.put("order_id", f.orderId());
        return m;
    }

    private static Map<String, Object> trade(TradeBook.Trade t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry_time", Timestamps.iso(t.entryTime()));
        m.put("exit_time", Timestamps.iso(t.exitTime()));
        m.put("symbol", t.symbol());
        m.put("qty", t.qty());
        m.put("entry_price", t.entryPrice());
        m.put("exit_price", t.exitPrice());
        m.put("pnl", t.pnl());
        m.put("fees", t.fees());
        return m;
    }

    private static List<Map<String, Object>> equity(EquityCurve c, int[] indices) {
        List<Map<String, Object>> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            Map<String, Object> p = new LinkedHashMap<>(2);
            p.put("time", Timestamps.iso(c.time(i)));
            p.put("equity", c.equity(i));
            out.add(p);
        }
        return out;
    }

    /** Where every point is: {@link EquityCsv} writes it beside report.json. */
    private static Map<String, Object> fullCurve(EquityCurve c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", EquityCsv.FILE);
        m.put("format", "gzip CSV");
        m.put("columns", EquityCsv.COLUMNS);
        m.put("points", c.size());
        return m;
    }

    private static Map<String, Object> dataIssues(List<Dataset> ds) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Dataset d : ds) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("source", d.source());
            one.put("bars", d.candles().size());
            one.putAll(d.issues().toJson());
            m.put(d.symbol() + ":" + d.timeframe(), one);
        }
        return m;
    }

    private static Map<String, Object> throughput(BacktestResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bars_per_second", BigDecimal.valueOf(Math.round(r.barsPerSecond())));
        m.put("engine_millis", BigDecimal.valueOf(r.elapsedNanos() / 1_000_000));
        return m;
    }

    public static void writeJson(Map<String, Object> report, Path file) {
        ReportJson.write(report, file);
    }
}
