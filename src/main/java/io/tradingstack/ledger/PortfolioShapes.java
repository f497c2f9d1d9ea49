package io.tradingstack.ledger;

import io.tradingstack.bus.Plain;
import io.tradingstack.model.Tick;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's money figures for the edges: renders the ledger workflow's book in the reference design's shapes ({@code get_portfolio_status},
 * {@code get_pnl_status_with_quality}, {@code get_risk_metrics}), re-marked with the live feed's
 * latest ticks: the ledger's own snapshot is refreshed only at its sampling interval, so a position
 * is marked at the feed's mid when a tick is at most {@link #LIVE_SECONDS} old ({@code price_is_live}
 * true), otherwise at the snapshot's mark with its age, otherwise at cost with the reason. P&amp;L is
 * given gross (before fees) and net (after every fee paid), so {@code total_pnl} = value − funding.
 */
public final class PortfolioShapes {
    /** Reference threshold: a price counts as live when it is at most 60 s old. */
    public static final int LIVE_SECONDS = 60;

    private PortfolioShapes() {
    }

    /** One position re-marked. */
    public record Marked(String symbol, BigDecimal qty, BigDecimal averageCost, BigDecimal cost, BigDecimal price,
                  Instant priceTime, String source, String note) {
        public BigDecimal value() {
            return price == null ? cost : qty.multiply(price);
        }

        public boolean live(Instant now) {
            return "live_feed".equals(source) && age(now) <= LIVE_SECONDS;
        }

        public Long age(Instant now) {
            return priceTime == null ? null : Math.max(0, Duration.between(priceTime, now).toSeconds());
        }
    }

    /** The last snapshot time parsed: one snapshot serves many calls, and parsing it per call showed in MCP profiles. */
    private record ParsedAsOf(String text, Instant at) {
    }

    private static volatile ParsedAsOf lastAsOf;

    /** The ledger snapshot's {@code asOf} as an instant (null when absent). */
    static Instant asOf(Map<String, Object> ledger) {
        Object value = ledger.get("asOf");
        if (value == null) {
            return null;
        }
        String text = value.toString();
        ParsedAsOf last = lastAsOf;
        if (last != null && last.text().equals(text)) {
            return last.at();
        }
        Instant at = Instant.parse(text);
        lastAsOf = new ParsedAsOf(text, at);
        return at;
    }

    /** The ledger's positions marked with the given ticks (symbol → latest tick; missing = none). */
    public static List<Marked> mark(Map<String, Object> ledger, Map<String, Tick> ticks, Instant now) {
        Instant snapshotAt = asOf(ledger);
        List<Marked> out = new ArrayList<>();
        for (Map<String, Object> p : positions(ledger)) {
            String symbol = String.valueOf(p.get("symbol"));
            BigDecimal qty = dec(p.get("qty"));
            BigDecimal avg = dec(p.get("averageCost"));
            BigDecimal cost = dec(p.get("costBasis"));
            Tick t = ticks.get(symbol);
            if (t != null && Duration.between(t.time(), now).toSeconds() <= LIVE_SECONDS) {
                out.add(new Marked(symbol, qty, avg, cost, t.mid(), t.time(), "live_feed", null));
            } else if (p.get("mark") != null) {
                out.add(new Marked(symbol, qty, avg, cost, dec(p.get("mark")), snapshotAt, "ledger_snapshot",
                        "no live tick in the last " + LIVE_SECONDS + " s; mark from the ledger's last sample"));
            } else if (t != null) {
                out.add(new Marked(symbol, qty, avg, cost, t.mid(), t.time(), "live_feed",
                        "the feed's latest tick is older than " + LIVE_SECONDS + " s"));
            } else {
                out.add(new Marked(symbol, qty, avg, cost, null, null, "none", "no price for " + symbol
                        + " (not streamed or no tick yet); valued at cost"));
            }
        }
        return out;
    }

    public static Map<String, Object> portfolioStatus(Map<String, Object> ledger, List<Marked> marked, Instant now) {
        BigDecimal cash = dec(ledger.get("cash"));
        BigDecimal reserve = dec(ledger.get("reserve"));
        BigDecimal fees = dec(ledger.get("fees"));
        BigDecimal realized = dec(ledger.get("realizedPnl"));
        Map<String, Object> positions = new LinkedHashMap<>();
        Map<String, Object> entryPrices = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        BigDecimal positionValue = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        int live = 0;
        for (Marked m : marked) {
            BigDecimal pnl = m.value().subtract(m.cost());
            positions.put(m.symbol(), m.qty());
            entryPrices.put(m.symbol(), m.averageCost());
            details.put(m.symbol(), detail(m, pnl, now));
            positionValue = positionValue.add(m.value());
            unrealized = unrealized.add(pnl);
            live += m.live(now) ? 1 : 0;
        }
        BigDecimal gross = realized.add(unrealized);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cash", cash);
        out.put("positions", positions);
        out.put("entry_prices", entryPrices);
        out.put("position_details", details);
        out.put("total_position_value", positionValue);
        out.put("total_portfolio_value", cash.add(reserve).add(positionValue));
        out.put("funding", dec(ledger.get("funding")));
        out.put("realized_pnl", realized);
        out.put("unrealized_pnl", unrealized);
        out.put("fees_paid", fees);
        out.put("total_pnl_gross", gross);
        out.put("total_pnl", gross.subtract(fees));
        out.put("pnl", gross.subtract(fees));
        out.put("scraped_profits", reserve);
        out.put("available_cash", dec(ledger.get("availableCash")));
        out.put("total_cash_value", cash.add(reserve));
        out.put("price_data_quality", quality(live, marked.size()));
        out.put("live_prices_used", live);
        out.put("quote_currency", String.valueOf(ledger.getOrDefault("quoteCurrency", "USD")));
        out.put("as_of", now);
        out.put("ledger_as_of", asOf(ledger));
        out.put("rejected_fills", ledger.get("rejectedFills") == null ? List.of() : ledger.get("rejectedFills"));
        out.put("status", "ok");
        return out;
    }

    private static Map<String, Object> detail(Marked m, BigDecimal pnl, Instant now) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("quantity", m.qty());
        d.put("entry_price", m.averageCost());
        d.put("current_price", m.price());
        d.put("price_time", m.priceTime());
        d.put("price_age_seconds", m.age(now));
        d.put("price_source", m.source());
        d.put("price_is_live", m.live(now));
        d.put("price_note", m.note());
        d.put("entry_value", m.cost());
        d.put("current_value", m.value());
        d.put("position_pnl", pnl);
        d.put("position_pnl_pct", m.cost().signum() == 0 ? null
                : pnl.multiply(BigDecimal.valueOf(100)).divide(m.cost().abs(), 4, RoundingMode.HALF_EVEN));
        return d;
    }

    public static Map<String, Object> pnlWithQuality(Map<String, Object> ledger, List<Marked> marked, Instant now) {
        Map<String, Object> status = portfolioStatus(ledger, marked, now);
        List<String> fresh = marked.stream().filter(m -> m.live(now)).map(Marked::symbol).toList();
        List<String> stale = marked.stream().filter(m -> !m.live(now)).map(Marked::symbol).toList();
        Map<String, Object> ages = new LinkedHashMap<>();
        marked.forEach(m -> ages.put(m.symbol(), m.age(now)));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : List.of("total_pnl", "total_pnl_gross", "realized_pnl", "unrealized_pnl", "fees_paid")) {
            out.put(k, status.get(k));
        }
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
        staleness.put("price_ages", ages);
        staleness.put("staleness_threshold_seconds", LIVE_SECONDS);
        out.put("price_staleness_info", staleness);
        Map<String, Object> liveStatus = new LinkedHashMap<>();
        liveStatus.put("available_symbols", fresh);
        liveStatus.put("total_symbols", marked.size());
        liveStatus.put("errors", marked.stream().filter(m -> m.note() != null).map(m -> m.symbol() + ": " + m.note()).toList());
        out.put("live_price_status", liveStatus);
        out.put("accuracy_warning", !stale.isEmpty());
        out.put("as_of", now);
        return out;
    }

    /** Risk of the book at the same marks as the portfolio answer (Analytics.risk), in the reference keys. */
    public static Map<String, Object> risk(Map<String, Object> ledger, List<Marked> marked, Instant now) {
        BigDecimal cashLike = dec(ledger.get("cash")).add(dec(ledger.get("reserve")));
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        marked.forEach(m -> values.put(m.symbol(), m.value()));
        BigDecimal equity = cashLike.add(values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<String, Object> r = Plain.object(Analytics.risk(equity, cashLike, values));
        @SuppressWarnings("unchecked")
        Map<String, Object> concentration = (Map<String, Object>) r.get("concentration");
        Object max = concentration.values().stream().filter(v -> v instanceof Number)
                .map(v -> ((Number) v).doubleValue()).max(Double::compare).orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_portfolio_value", equity);
        out.put("cash_ratio", r.get("cash_ratio"));
        out.put("max_position_concentration", marked.isEmpty() ? null : max);
        out.put("concentration", concentration);
        out.put("num_positions", marked.size());
        out.put("gross_exposure", r.get("gross_exposure"));
        out.put("net_exposure", r.get("net_exposure"));
        out.put("leverage", r.get("leverage"));
        int live = (int) marked.stream().filter(m -> m.live(now)).count();
        out.put("price_data_quality", quality(live, marked.size()));
        @SuppressWarnings("unchecked")
        Map<String, Object> reasons = new LinkedHashMap<>((Map<String, Object>) r.get("reasons"));
        if (marked.isEmpty()) {
            reasons.put("max_position_concentration", "no open position");
        }
        out.put("reasons", reasons);
        out.put("as_of", now);
        return out;
    }

    private static Map<String, Object> quality(int live, int total) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("live_prices_used", live);
        q.put("total_positions", total);
        q.put("using_stale_fallback", live < total);
        q.put("price_fetch_errors", total - live);
        return q;
    }

    /** The notional of a fill given as JSON values (exact text or numbers). */
    public static BigDecimal notional(Object qty, Object price) {
        return dec(qty).multiply(dec(price));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> positions(Map<String, Object> ledger) {
        Object p = ledger.get("positions");
        return p instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    public static BigDecimal dec(Object v) {
        if (v == null) {
            return BigDecimal.ZERO;
        }
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }
}
