package io.tradingstack.ledger;

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

    /** The ledger's positions marked with the given ticks (symbol → latest tick; missing = none). */
    public static List<Marked> mark(Map<String, Object> ledger, Map<String, Tick> ticks, Instant now) {
        Instant snapshotAt = ledger.get("asOf") == null ? null : Instant.parse(ledger.get("asOf").toString());
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

    public static PortfolioAnswers.Status portfolioStatus(Map<String, Object> ledger, List<Marked> marked, Instant now) {
        BigDecimal cash = dec(ledger.get("cash"));
        BigDecimal reserve = dec(ledger.get("reserve"));
        BigDecimal fees = dec(ledger.get("fees"));
        BigDecimal realized = dec(ledger.get("realizedPnl"));
        Map<String, BigDecimal> positions = new LinkedHashMap<>();
        Map<String, BigDecimal> entryPrices = new LinkedHashMap<>();
        Map<String, PortfolioAnswers.PositionDetail> details = new LinkedHashMap<>();
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
        return new PortfolioAnswers.Status(cash, positions, entryPrices, details, positionValue,
                cash.add(reserve).add(positionValue), dec(ledger.get("funding")), realized, unrealized, fees, gross,
                gross.subtract(fees), gross.subtract(fees), reserve, dec(ledger.get("availableCash")), cash.add(reserve),
                quality(live, marked.size()), live, String.valueOf(ledger.getOrDefault("quoteCurrency", "USD")), now,
                ledger.get("asOf") == null ? null : Instant.parse(ledger.get("asOf").toString()), rejectedFills(ledger), "ok");
    }

    private static List<String> rejectedFills(Map<String, Object> ledger) {
        return ledger.get("rejectedFills") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static PortfolioAnswers.PositionDetail detail(Marked m, BigDecimal pnl, Instant now) {
        return new PortfolioAnswers.PositionDetail(m.qty(), m.averageCost(), m.price(), m.priceTime(), m.age(now),
                m.source(), m.live(now), m.note(), m.cost(), m.value(), pnl, m.cost().signum() == 0 ? null
                : pnl.multiply(BigDecimal.valueOf(100)).divide(m.cost().abs(), 4, RoundingMode.HALF_EVEN));
    }

    public static PortfolioAnswers.PnlQuality pnlWithQuality(Map<String, Object> ledger, List<Marked> marked, Instant now) {
        PortfolioAnswers.Status status = portfolioStatus(ledger, marked, now);
        List<String> fresh = marked.stream().filter(m -> m.live(now)).map(Marked::symbol).toList();
        List<String> stale = marked.stream().filter(m -> !m.live(now)).map(Marked::symbol).toList();
        Map<String, Long> ages = new LinkedHashMap<>();
        marked.forEach(m -> ages.put(m.symbol(), m.age(now)));
        PortfolioAnswers.LivePnl livePnl = fresh.isEmpty() ? null
                : new PortfolioAnswers.LivePnl(status.totalPnl(), status.unrealizedPnl(), fresh);
        List<String> errors = marked.stream().filter(m -> m.note() != null).map(m -> m.symbol() + ": " + m.note()).toList();
        return new PortfolioAnswers.PnlQuality(status.totalPnl(), status.totalPnlGross(), status.realizedPnl(),
                status.unrealizedPnl(), status.feesPaid(), livePnl,
                new PortfolioAnswers.Staleness(stale, fresh, ages, LIVE_SECONDS),
                new PortfolioAnswers.LivePriceStatus(fresh, marked.size(), errors), !stale.isEmpty(), now);
    }

    /** Risk of the book at the same marks as the portfolio answer (Analytics.risk), in the reference keys. */
    @SuppressWarnings("unchecked")
    public static PortfolioAnswers.Risk risk(Map<String, Object> ledger, List<Marked> marked, Instant now) {
        BigDecimal cashLike = dec(ledger.get("cash")).add(dec(ledger.get("reserve")));
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        marked.forEach(m -> values.put(m.symbol(), m.value()));
        BigDecimal equity = cashLike.add(values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<String, Object> r = Analytics.risk(equity, cashLike, values);
        Map<String, Double> concentration = (Map<String, Double>) r.get("concentration");
        Double max = concentration.values().stream().filter(v -> v != null).max(Double::compare).orElse(null);
        int live = (int) marked.stream().filter(m -> m.live(now)).count();
        Map<String, String> reasons = new LinkedHashMap<>((Map<String, String>) r.get("reasons"));
        if (marked.isEmpty()) {
            reasons.put("max_position_concentration", "no open position");
        }
        return new PortfolioAnswers.Risk(equity, (Double) r.get("cash_ratio"), marked.isEmpty() ? null : max, concentration,
                marked.size(), (Double) r.get("gross_exposure"), (Double) r.get("net_exposure"), (Double) r.get("leverage"),
                quality(live, marked.size()), reasons, now);
    }

    private static PortfolioAnswers.PriceQuality quality(int live, int total) {
        return new PortfolioAnswers.PriceQuality(live, total, live < total, total - live);
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
