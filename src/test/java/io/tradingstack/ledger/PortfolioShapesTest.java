package io.tradingstack.ledger;

import org.junit.jupiter.api.Test;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.tradingstack.bus.Plain;
import io.tradingstack.bus.PlainSchema;
import io.tradingstack.model.Tick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        PortfolioAnswers.Status s = PortfolioShapes.portfolioStatus(ledger, marked(ledger), NOW);
        assertEquals(0, new BigDecimal("3510").compareTo(s.totalPositionValue()));
        assertEquals(0, new BigDecimal("10").compareTo(s.unrealizedPnl()));
        assertEquals(0, new BigDecimal("15").compareTo(s.totalPnlGross()));
        assertEquals(0, new BigDecimal("11.7").compareTo(s.totalPnl()), "net of the 3.3 fees");
        assertEquals(0, new BigDecimal("498.7").compareTo(s.totalCashValue()));
        assertEquals(0, new BigDecimal("2").compareTo(s.scrapedProfits()));
        assertEquals(1, s.livePricesUsed());
        PortfolioAnswers.PositionDetail btc = s.positionDetails().get("BTC-USD");
        assertEquals(0, new BigDecimal("2").compareTo(btc.positionPnlPct()));
        assertEquals("ok", s.status());
        assertTrue(btc.priceIsLive());
        assertEquals(5L, btc.priceAgeSeconds());
        PortfolioAnswers.PositionDetail eth = s.positionDetails().get("ETH-USD");
        assertNull(eth.currentPrice());
        assertEquals("none", eth.priceSource());
        assertTrue(eth.priceNote().contains("valued at cost"));
        assertValid(PortfolioAnswers.Status.class, s);
    }

    /** What Plain makes of each answer is valid against the schema PlainSchema derives from its record. */
    private static void assertValid(Class<? extends Record> type, Record answer) {
        var result = McpJsonDefaults.getSchemaValidator().validate(PlainSchema.of(type), Plain.of(answer));
        assertTrue(result.valid(), type.getSimpleName() + ": " + result.errorMessage());
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
        PortfolioAnswers.PnlQuality q = PortfolioShapes.pnlWithQuality(ledger, marked(ledger), NOW);
        assertTrue(q.accuracyWarning());
        assertEquals(List.of("ETH-USD"), q.priceStalenessInfo().staleSymbols());
        assertEquals(List.of("BTC-USD"), q.priceStalenessInfo().freshSymbols());
        assertNotNull(q.livePnlData());
        assertValid(PortfolioAnswers.PnlQuality.class, q);
    }

    @Test
    void emptyBookHasNoLivePnl() {
        PortfolioAnswers.PnlQuality q = PortfolioShapes.pnlWithQuality(Map.of("cash", "1000", "positions", List.of()), List.of(), NOW);
        assertNull(q.livePnlData());
        assertEquals(false, q.accuracyWarning());
        assertValid(PortfolioAnswers.PnlQuality.class, q);
    }

    /** ETH has no price at all: its age is null (allowed per product); a broke book's ratios are null with reasons. */
    @Test
    void undefinedFiguresAreNullWithTheirReasons() {
        Map<String, Object> ledger = ledger();
        List<PortfolioShapes.Marked> m = PortfolioShapes.mark(ledger, Map.of(), NOW);
        PortfolioAnswers.PnlQuality q = PortfolioShapes.pnlWithQuality(ledger, m, NOW);
        assertNull(q.priceStalenessInfo().priceAges().get("ETH-USD"));
        assertValid(PortfolioAnswers.PnlQuality.class, q);
        assertValid(PortfolioAnswers.Risk.class, PortfolioShapes.risk(ledger, m, NOW));
        PortfolioAnswers.Risk broke = PortfolioShapes.risk(Map.of("cash", "-5000", "positions", ledger.get("positions")), m, NOW);
        assertNull(broke.cashRatio());
        assertNull(broke.concentration().get("BTC-USD"));
        assertTrue(broke.reasons().containsKey("cash_ratio"));
        assertValid(PortfolioAnswers.Risk.class, broke);
    }
}
