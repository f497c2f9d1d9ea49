package io.tradingstack.ledger;

import org.junit.jupiter.api.Test;

import io.tradingstack.model.Tick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioShapesTest {
    private static Map<String, Object> ledger() {
        Map<String, Object> btc = new HashMap<>(Map.of("symbol", "BTC-USD", "qty", "0.01", "averageCost", "50000",
                "costBasis", "500", "mark", "51000", "marketValue", "510", "unrealizedPnl", "10"));
        Map<String, Object> eth = new HashMap<>(Map.of("symbol", "ETH-USD", "qty", "1", "averageCost", "3000",
                "costBasis", "3000", "marketValue", "3000", "unrealizedPnl", "0"));
        eth.put("mark", null);
        return Map.of("cash", "496.7", "availableCash", "496.7", "reserve", "2", "equity", "4008.7",
                "realizedPnl", "5", "fees", "3.3", "asOf", "2026-11-24T04:00:00Z", "positions", List.of(btc, eth));
    }

    private static final Instant NOW = Instant.parse("2026-11-24T04:00:35Z");

    /** BTC has a live tick (mid 51000, 5 s old); ETH has neither a tick nor a snapshot mark. */
    private static List<PortfolioShapes.Marked> marked(Map<String, Object> ledger) {
        Tick btc = new Tick("BTC-USD", new BigDecimal("51000"), new BigDecimal("50999"), new BigDecimal("51001"),
                new BigDecimal("0.1"), NOW.minusSeconds(5), 1, 1L, null);
        return PortfolioShapes.mark(ledger, Map.of("BTC-USD", btc), NOW);
    }

    @Test
    void portfolioStatusHasTheReferenceShapeAndSums() {
        Map<String, Object> ledger = ledger();
        Map<String, Object> s = PortfolioShapes.portfolioStatus(ledger, marked(ledger), NOW);
        assertEquals(0, new BigDecimal("3510").compareTo((BigDecimal) s.get("total_position_value")));
        assertEquals(0, new BigDecimal("10").compareTo((BigDecimal) s.get("unrealized_pnl")));
        assertEquals(0, new BigDecimal("15").compareTo((BigDecimal) s.get("total_pnl_gross")));
        assertEquals(0, new BigDecimal("11.7").compareTo((BigDecimal) s.get("total_pnl")), "net of the 3.3 fees");
        assertEquals(0, new BigDecimal("498.7").compareTo((BigDecimal) s.get("total_cash_value")));
        assertEquals(0, new BigDecimal("2").compareTo((BigDecimal) s.get("scraped_profits")));
        assertEquals(1, s.get("live_prices_used"));
        @SuppressWarnings("unchecked")
        Map<String, Object> btc = (Map<String, Object>) ((Map<String, Object>) s.get("position_details")).get("BTC-USD");
        assertEquals(0, new BigDecimal("2").compareTo((BigDecimal) btc.get("position_pnl_pct")));
        assertEquals("ok", s.get("status"));
        assertEquals(Boolean.TRUE, btc.get("price_is_live"));
        assertEquals(5L, btc.get("price_age_seconds"));
        @SuppressWarnings("unchecked")
        Map<String, Object> eth = (Map<String, Object>) ((Map<String, Object>) s.get("position_details")).get("ETH-USD");
        assertNull(eth.get("current_price"));
        assertEquals("none", eth.get("price_source"));
        assertTrue(String.valueOf(eth.get("price_note")).contains("valued at cost"));
    }

    @Test
    void aSnapshotMarkIsNotLiveAndCarriesItsAge() {
        Map<String, Object> ledger = ledger();
        List<PortfolioShapes.Marked> m = PortfolioShapes.mark(ledger, Map.of(), NOW);
        PortfolioShapes.Marked btc = m.get(0);
        assertEquals("ledger_snapshot", btc.source());
        assertEquals(35L, btc.age(NOW));
        assertEquals(false, btc.live(NOW));
        assertEquals(0, new BigDecimal("51000").compareTo(btc.price()));
    }

    @Test
    void pnlQualityFlagsPositionsWithoutAPrice() {
        Map<String, Object> ledger = ledger();
        Map<String, Object> q = PortfolioShapes.pnlWithQuality(ledger, marked(ledger), NOW);
        assertEquals(Boolean.TRUE, q.get("accuracy_warning"));
        @SuppressWarnings("unchecked")
        Map<String, Object> staleness = (Map<String, Object>) q.get("price_staleness_info");
        assertEquals(List.of("ETH-USD"), staleness.get("stale_symbols"));
        assertEquals(List.of("BTC-USD"), staleness.get("fresh_symbols"));
        assertTrue(q.get("live_pnl_data") instanceof Map);
    }

    @Test
    void emptyBookHasNoLivePnl() {
        Map<String, Object> q = PortfolioShapes.pnlWithQuality(Map.of("cash", "1000", "positions", List.of()), List.of(), NOW);
        assertNull(q.get("live_pnl_data"));
        assertEquals(Boolean.FALSE, q.get("accuracy_warning"));
    }
}
