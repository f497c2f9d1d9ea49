package io.tradingstack.mcp;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PreferenceToolsTest {
    @Test
    void profitScrapingAcceptsPercentOrFraction() {
        assertEquals(0, new BigDecimal("0.20").compareTo(PreferenceTools.scrapeFraction("20%")));
        assertEquals(0, new BigDecimal("0.2").compareTo(PreferenceTools.scrapeFraction(0.2)));
        assertEquals(0, BigDecimal.ONE.compareTo(PreferenceTools.scrapeFraction("100 %")));
        assertNull(PreferenceTools.scrapeFraction("120%"));
        assertNull(PreferenceTools.scrapeFraction(-0.1));
        assertNull(PreferenceTools.scrapeFraction("lots"));
    }
}
