package io.tradingstack.mcp;

import io.tradingstack.ledger.PortfolioShapes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.array;
import static io.tradingstack.mcp.Schemas.count;
import static io.tradingstack.mcp.Schemas.flag;
import static io.tradingstack.mcp.Schemas.mapOf;
import static io.tradingstack.mcp.Schemas.nullable;
import static io.tradingstack.mcp.Schemas.number;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.reasons;
import static io.tradingstack.mcp.Schemas.result;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.time;

/**
 * Output schemas of the ledger tools, written beside {@link PortfolioShapes} which builds those
 * results; the server checks every result against them. Money is a JSON number carrying the exact
 * decimal (no binary rounding on our side), in the quote currency.
 */
final class LedgerSchemas {
    private LedgerSchemas() {
    }

    private static Map<String, Object> money(String description) {
        return number(description + " (quote currency, exact decimal)");
    }

    static Map<String, Object> quality() {
        return result(props("live_prices_used", count("positions marked at a live price"),
                "total_positions", count("open positions"),
                "using_stale_fallback", flag("some position is not marked at a live price"),
                "price_fetch_errors", count("positions without a live price")));
    }

    static Map<String, Object> portfolio() {
        Map<String, Object> detail = result(props(
                "quantity", number("position size in the base currency"),
                "entry_price", money("average cost per unit, fees excluded"),
                "current_price", nullable(money("mark: mid of the latest tick; null when no price is known")),
                "price_time", nullable(time("time of the mark")),
                "price_age_seconds", nullable(count("age of the mark in seconds")),
                "price_source", Schemas.enumOf("live_feed, ledger_snapshot (last sample) or none", "live_feed",
                        "ledger_snapshot", "none"),
                "price_is_live", flag("the mark is from the feed and at most 60 s old"),
                "price_note", nullable(string("why the price is not live")),
                "entry_value", money("cost basis"),
                "current_value", money("quantity x mark, or the cost basis when there is no mark"),
                "position_pnl", money("unrealized P&L, gross of fees"),
                "position_pnl_pct", nullable(number("unrealized P&L in percent of the cost basis"))));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cash", money("cash"));
        p.put("positions", mapOf(number("quantity"), "quantity per product"));
        p.put("entry_prices", mapOf(number("average cost"), "average cost per product"));
        p.put("position_details", mapOf(detail, "per product"));
        p.put("total_position_value", money("sum of current values"));
        p.put("total_portfolio_value", money("cash + reserve + positions at their marks"));
        p.put("funding", money("capital paid in"));
        p.put("realized_pnl", money("realized P&L of closed quantities, gross of fees"));
        p.put("unrealized_pnl", money("unrealized P&L at the marks, gross of fees"));
        p.put("fees_paid", money("every fee paid"));
        p.put("total_pnl_gross", money("realized + unrealized, before fees"));
        p.put("total_pnl", money("net of fees: total_portfolio_value - funding"));
        p.put("pnl", money("same as total_pnl (reference name)"));
        p.put("scraped_profits", money("reserve: share of profits set aside, not tradeable"));
        p.put("available_cash", money("cash not held for open orders"));
        p.put("total_cash_value", money("cash + reserve"));
        p.put("price_data_quality", quality());
        p.put("live_prices_used", count("positions marked at a live price"));
        p.put("quote_currency", string("currency of every amount"));
        p.put("as_of", time("when this answer was computed"));
        p.put("ledger_as_of", nullable(time("time of the ledger snapshot behind cash and positions")));
        p.put("rejected_fills", array(string("fill id: reason"), "fills the ledger refused"));
        p.put("status", Schemas.enumOf("ok", "ok"));
        return result(p);
    }

    static Map<String, Object> pnlQuality() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("total_pnl", money("net of fees"));
        p.put("total_pnl_gross", money("before fees"));
        p.put("realized_pnl", money("gross of fees"));
        p.put("unrealized_pnl", money("gross of fees, at the marks"));
        p.put("fees_paid", money("every fee paid"));
        p.put("live_pnl_data", nullable(result(props("total_pnl", money("net of fees"),
                "unrealized_pnl", money("gross of fees"),
                "symbols_with_live_prices", array(string("product"), "marked live")))));
        p.put("price_staleness_info", result(props(
                "stale_symbols", array(string("product"), "not marked live"),
                "fresh_symbols", array(string("product"), "marked live"),
                "price_ages", mapOf(nullable(count("seconds")), "age of each mark; null when there is none"),
                "staleness_threshold_seconds", count("live threshold"))));
        p.put("live_price_status", result(props("available_symbols", array(string("product"), "marked live"),
                "total_symbols", count("open positions"), "errors", array(string("product: reason"), "why not live"))));
        p.put("accuracy_warning", flag("some position is not marked live"));
        p.put("as_of", time("when this answer was computed"));
        return result(p);
    }

    static Map<String, Object> risk() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("total_portfolio_value", money("equity at the marks"));
        p.put("cash_ratio", nullable(number("(cash + reserve) / equity")));
        p.put("max_position_concentration", nullable(number("largest |market value| / equity")));
        p.put("concentration", mapOf(nullable(number("|market value| / equity")), "per product"));
        p.put("num_positions", count("open positions"));
        p.put("gross_exposure", nullable(number("sum |market value| / equity")));
        p.put("net_exposure", nullable(number("sum market value / equity")));
        p.put("leverage", nullable(number("gross exposure (no borrowing)")));
        p.put("price_data_quality", quality());
        p.put("reasons", reasons());
        p.put("as_of", time("when this answer was computed"));
        return result(p);
    }

    static Map<String, Object> performance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("samples", count("equity samples in the window"));
        p.put("interval_seconds", count("sampling interval"));
        p.put("total_return", nullable(number("last / first equity - 1")));
        p.put("total_pnl", nullable(money("equity change over the window, net of fees")));
        for (String k : List.of("annualized_return", "volatility", "sharpe_ratio", "sortino_ratio")) {
            p.put(k, nullable(number(k.replace('_', ' ') + "; null below one day of samples")));
        }
        p.put("max_drawdown", nullable(number("largest fall from a peak, fraction")));
        p.put("max_drawdown_duration_seconds", nullable(count("longest time below a peak")));
        p.put("total_trades", count("closing (sell) fills"));
        p.put("win_rate", nullable(number("winning trades / trades")));
        p.put("avg_trade_pnl", nullable(money("mean trade result, net of the closing fee")));
        p.put("profit_factor", nullable(number("sum of wins / |sum of losses|")));
        p.put("average_win", nullable(money("mean winning trade")));
        p.put("average_loss", nullable(money("mean losing trade")));
        p.put("exposure", nullable(number("share of samples with an open position")));
        p.put("reasons", reasons());
        p.put("window_days", count("window"));
        return result(p);
    }

    static Map<String, Object> history() {
        Map<String, Object> tx = result(props(
                "fill_id", string("fill"), "order_id", string("order"), "symbol", string("product"),
                "side", Schemas.enumOf("side", "BUY", "SELL"), "qty", number("quantity"), "price", money("fill price"),
                "notional", money("qty x price"), "fee", money("fee of this fill"),
                "liquidity", Schemas.enumOf("maker or taker", "MAKER", "TAKER"), "time", time("fill time"),
                "entry_id", count("journal entry"), "realized_pnl", money("realized by this fill, gross of its fee"),
                "order_status", nullable(string("status of the order now"))));
        return result(props("transactions", array(tx, "newest first"), "count", count("fills returned"),
                "since_timestamp", time("lower bound applied"), "limit", count("maximum returned")));
    }
}
