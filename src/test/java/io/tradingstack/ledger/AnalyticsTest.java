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
        assertEquals(0.089, (double) m.get("total_return"), 1e-12);
        // three daily returns: 0.1, -0.1, 0.1; annualized over 365 periods per year
        assertEquals(Math.pow(1.089, 365.0 / 3) - 1, (double) m.get("annualized_return"), 1e-9);
        double mean = 0.1 / 3;
        double sd = Math.sqrt((2 * Math.pow(0.1 - mean, 2) + Math.pow(-0.1 - mean, 2)) / 2);
        assertEquals(sd * Math.sqrt(365), (double) m.get("volatility"), 1e-9);
        assertEquals(mean / sd * Math.sqrt(365), (double) m.get("sharpe_ratio"), 1e-9);
        assertEquals(mean / Math.sqrt(0.01 / 3) * Math.sqrt(365), (double) m.get("sortino_ratio"), 1e-9);
        assertEquals(0.1, (double) m.get("max_drawdown"), 1e-12);
        assertEquals(2 * day, m.get("max_drawdown_duration_seconds"));
        assertEquals(0.5, (double) m.get("exposure"), 1e-12);
    }

    @Test
    void undefinedValuesAreNullWithAReason() {
        Map<String, Object> m = Analytics.performance(curve(60, "100"), List.of(), 60);
        assertNull(m.get("sharpe_ratio"));
        assertNull(m.get("win_rate"));
        Map<?, ?> why = (Map<?, ?>) m.get("reasons");
        assertTrue(why.containsKey("sharpe_ratio") && why.containsKey("win_rate") && why.containsKey("profit_factor"));
        assertEquals("no closed trade", why.get("win_rate"));
        Map<String, Object> flat = Analytics.performance(curve(3600, "100", "100", "100", "100", "100", "100", "100", "100",
                "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100",
                "100", "100", "100"), List.of(), 3600);
        assertNull(flat.get("sharpe_ratio"));
        assertEquals("returns have zero variance", ((Map<?, ?>) flat.get("reasons")).get("sharpe_ratio"));
    }

    /** Three minutes of samples: the annualized figures are null with the minimum in the reason, never -290. */
    @Test
    void annualizedFiguresNeedADayOfSamples() {
        Map<String, Object> m = Analytics.performance(curve(60, "1000", "999", "998.5", "997"), List.of(), 60);
        for (String k : List.of("annualized_return", "volatility", "sharpe_ratio", "sortino_ratio")) {
            assertNull(m.get(k), k);
            assertTrue(String.valueOf(((Map<?, ?>) m.get("reasons")).get(k)).contains("one day"), k);
        }
        assertEquals(-0.003, (double) m.get("total_return"), 1e-12);
        assertEquals(0, new BigDecimal("-3").compareTo((BigDecimal) m.get("total_pnl")));
    }

    @Test
    void tradeStatistics() {
        Map<String, Object> m = Analytics.performance(List.of(), List.of(new BigDecimal("30"), new BigDecimal("-10"),
                new BigDecimal("10"), new BigDecimal("-20")), 60);
        assertEquals(0.5, (double) m.get("win_rate"));
        assertEquals(40.0 / 30, (double) m.get("profit_factor"), 1e-12);
        assertEquals(0, new BigDecimal("20").compareTo((BigDecimal) m.get("average_win")));
        assertEquals(0, new BigDecimal("-15").compareTo((BigDecimal) m.get("average_loss")));
        assertEquals(0, new BigDecimal("2.5").compareTo((BigDecimal) m.get("avg_trade_pnl")));
        assertEquals(4, m.get("total_trades"));
    }

    @Test
    void riskSharesOfEquity() {
        Map<String, Object> r = Analytics.risk(new BigDecimal("1000"), new BigDecimal("400"),
                Map.of("BTC-USD", new BigDecimal("450"), "ETH-USD", new BigDecimal("150")));
        assertEquals(0.4, (double) r.get("cash_ratio"), 1e-12);
        assertEquals(0.6, (double) r.get("gross_exposure"), 1e-12);
        assertEquals(0.45, (double) ((Map<?, ?>) r.get("concentration")).get("BTC-USD"), 1e-12);
        Map<String, Object> broke = Analytics.risk(BigDecimal.ZERO, BigDecimal.ZERO, Map.of());
        assertNull(broke.get("leverage"));
    }
}
