package io.tradingstack.mcp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the ledger workflow's portfolio snapshot in the reference design's shapes
 * ({@code get_portfolio_status}, {@code get_pnl_status_with_quality}), so clients written for it work
 * unchanged. Only figures the ledger provides are rendered; nothing is estimated.
 */
final class PortfolioShapes {
    /** Reference staleness threshold for quality reporting (seconds). */
    static final int STALENESS_THRESHOLD_SECONDS = 300;

    private PortfolioShapes() {
    }

    static Map<String, Object> portfolioStatus(Map<String, Object> ledger) {
        BigDecimal cash = dec(ledger.get("cash"));
        BigDecimal reserve = dec(ledger.get("reserve"));
        Map<String, Object> positions = new LinkedHashMap<>();
        Map<String, Object> entryPrices = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        BigDecimal positionValue = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        List<String> live = new ArrayList<>();
        for (Map<String, Object> p : positions(ledger)) {
            String symbol = String.valueOf(p.get("symbol"));
            BigDecimal qty = dec(p.get("qty"));
            BigDecimal cost = dec(p.get("costBasis"));
            BigDecimal value = dec(p.get("marketValue"));
            BigDecimal pnl = dec(p.get("unrealizedPnl"));
            boolean marked = p.get("mark") != null;
            if (marked) {
                live.add(symbol);
            }
            positions.put(symbol, qty);
            entryPrices.put(symbol, dec(p.get("averageCost")));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("quantity", qty);
            d.put("entry_price", dec(p.get("averageCost")));
            d.put("current_price", marked ? dec(p.get("mark")) : null);
            d.put("entry_value", cost);
            d.put("current_value", value);
            d.put("position_pnl", pnl);
            d.put("position_pnl_pct", cost.signum() == 0 ? BigDecimal.ZERO
                    : pnl.multiply(BigDecimal.valueOf(100)).divide(cost.abs(), 4, RoundingMode.HALF_EVEN));
            d.put("price_is_live", marked);
            details.put(symbol, d);
            positionValue = positionValue.add(value);
            unrealized = unrealized.add(pnl);
        }
        BigDecimal realized = dec(ledger.get("realizedPnl"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cash", cash);
        out.put("positions", positions);
        out.put("entry_prices", entryPrices);
        out.put("position_details", details);
        out.put("total_position_value", positionValue);
        out.put("total_portfolio_value", ledger.containsKey("equity") ? dec(ledger.get("equity")) : cash.add(reserve).add(positionValue));
        out.put("total_pnl", realized.add(unrealized));
        out.put("pnl", realized.add(unrealized));
        out.put("realized_pnl", realized);
        out.put("unrealized_pnl", unrealized);
        out.put("scraped_profits", reserve);
        out.put("available_cash", dec(ledger.get("availableCash")));
        out.put("total_cash_value", cash.add(reserve));
        out.put("fees", dec(ledger.get("fees")));
        out.put("price_data_quality", quality(live, positions.size()));
        out.put("live_prices_used", live.size());
        out.put("quote_currency", ledger.getOrDefault("quoteCurrency", "USD"));
        out.put("as_of", ledger.get("asOf"));
        if (ledger.get("rejectedFills") != null) {
            out.put("rejected_fills", ledger.get("rejectedFills"));
        }
        out.put("status", "ok");
        return out;
    }

    static Map<String, Object> pnlWithQuality(Map<String, Object> ledger) {
        Map<String, Object> status = portfolioStatus(ledger);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> details = (Map<String, Map<String, Object>>) status.get("position_details");
        List<String> fresh = details.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue().get("price_is_live")))
                .map(Map.Entry::getKey).toList();
        List<String> stale = details.keySet().stream().filter(s -> !fresh.contains(s)).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_pnl", status.get("total_pnl"));
        out.put("realized_pnl", status.get("realized_pnl"));
        out.put("unrealized_pnl", status.get("unrealized_pnl"));
        Map<String, Object> livePnl = null;
        if (!fresh.isEmpty()) {
            livePnl = new LinkedHashMap<>();
            livePnl.put("total_pnl", status.get("total_pnl"));
            livePnl.put("unrealized_pnl", status.get("unrealized_pnl"));
            livePnl.put("symbols_with_live_prices", fresh);
        }
        out.put("live_pnl_data", livePnl);
        Map<String, Object> staleness = new LinkedHashMap<>();
        staleness.put("stale_symbols", stale);
        staleness.put("fresh_symbols", fresh);
        staleness.put("staleness_threshold_seconds", STALENESS_THRESHOLD_SECONDS);
        out.put("price_staleness_info", staleness);
        Map<String, Object> liveStatus = new LinkedHashMap<>();
        liveStatus.put("available_symbols", fresh);
        liveStatus.put("total_symbols", details.size());
        liveStatus.put("errors", stale.stream().map(s -> s + ": no current price").toList());
        out.put("live_price_status", liveStatus);
        out.put("accuracy_warning", !stale.isEmpty());
        out.put("as_of", status.get("as_of"));
        return out;
    }

    private static Map<String, Object> quality(List<String> live, int total) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("live_prices_used", live.size());
        q.put("total_positions", total);
        q.put("using_stale_fallback", live.size() < total);
        q.put("price_fetch_errors", total - live.size());
        return q;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> positions(Map<String, Object> ledger) {
        Object p = ledger.get("positions");
        return p instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    static BigDecimal dec(Object v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }
}
