package io.tradingstack.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyticsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static List<EquitySample> curve(long intervalSec, String... equities) {
        List<EquitySample> out = new ArrayList<>();
        for (int i = 0; i < equities.length; i++) {
            BigDecimal e = new BigDecimal(equities[i]);
            out.add(new EquitySample(T0.plusSeconds(i * intervalSec), e, e, BigDecimal.ZERO, i % 2 == 0 ? BigDecimal.ZERO : BigDecimal.ONE));
        }
        return out;
    }

    @Test
    void returnsDrawdownAndAnnualizationFollowTheFormulas() {
        long day = 86_400;
        Map<String, Object> m = Analytics.performance(curve(day, "100", "110", "99", "108.9"), List.of(), day);
        assertEquals(0.089, (double) m.get("totalReturn"), 1e-12);
        // three daily returns: 0.1, -0.1, 0.1; annualized over 365 periods per year
        assertEquals(Math.pow(1.089, 365.0 / 3) - 1, (double) m.get("annualizedReturn"), 1e-9);
        double mean = 0.1 / 3;
        double sd = Math.sqrt((2 * Math.pow(0.1 - mean, 2) + Math.pow(-0.1 - mean, 2)) / 2);
        assertEquals(sd * Math.sqrt(365), (double) m.get("volatility"), 1e-9);
        assertEquals(mean / sd * Math.sqrt(365), (double) m.get("sharpe"), 1e-9);
        assertEquals(mean / Math.sqrt(0.01 / 3) * Math.sqrt(365), (double) m.get("sortino"), 1e-9);
        assertEquals(0.1, (double) m.get("maxDrawdown"), 1e-12);
        assertEquals(2 * day, m.get("maxDrawdownDurationSeconds"));
        assertEquals(0.5, (double) m.get("exposure"), 1e-12);
    }

    @Test
    void undefinedValuesAreNullWithAReason() {
        Map<String, Object> m = Analytics.performance(curve(60, "100"), List.of(), 60);
        assertNull(m.get("sharpe"));
        assertNull(m.get("winRate"));
        Map<?, ?> why = (Map<?, ?>) m.get("undefined");
        assertTrue(why.containsKey("sharpe") && why.containsKey("winRate") && why.containsKey("profitFactor"));
        Map<String, Object> flat = Analytics.performance(curve(60, "100", "100", "100"), List.of(), 60);
        assertNull(flat.get("sharpe"));
        assertEquals("returns have zero variance", ((Map<?, ?>) flat.get("undefined")).get("sharpe"));
    }

    @Test
    void tradeStatistics() {
        Map<String, Object> m = Analytics.performance(List.of(), List.of(new BigDecimal("30"), new BigDecimal("-10"),
                new BigDecimal("10"), new BigDecimal("-20")), 60);
        assertEquals(0.5, (double) m.get("winRate"));
        assertEquals(40.0 / 30, (double) m.get("profitFactor"), 1e-12);
        assertEquals("20", m.get("averageWin"));
        assertEquals("-15", m.get("averageLoss"));
    }

    @Test
    void riskSharesOfEquity() {
        Map<String, Object> r = Analytics.risk(new BigDecimal("1000"), new BigDecimal("400"),
                Map.of("BTC-USD", new BigDecimal("450"), "ETH-USD", new BigDecimal("150")));
        assertEquals(0.4, (double) r.get("cashRatio"), 1e-12);
        assertEquals(0.6, (double) r.get("grossExposure"), 1e-12);
        assertEquals(0.45, (double) ((Map<?, ?>) r.get("concentration")).get("BTC-USD"), 1e-12);
        Map<String, Object> broke = Analytics.risk(BigDecimal.ZERO, BigDecimal.ZERO, Map.of());
        assertNull(broke.get("leverage"));
    }
}
