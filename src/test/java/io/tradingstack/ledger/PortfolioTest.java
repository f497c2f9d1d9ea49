package io.tradingstack.ledger;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** One scenario: fills after a 10 000 USD funding, and the expected book afterwards. */
    record Scenario(String name, String scrapePct, List<Fill> fills, String cash, String reserve, String position,
                    String holdingsCost, String realized, String fees) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Fill fill(String id, Side side, String qty, String price, String fee) {
        return new Fill(id, "o-" + id, "BTC-USD", side, new BigDecimal(qty), new BigDecimal(price),
                new BigDecimal(fee), Liquidity.TAKER, T);
    }

    static Stream<Scenario> scenarios() {
        Fill buy = fill("b1", Side.BUY, "0.1", "50000", "30");
        Fill partial = fill("s1", Side.SELL, "0.04", "60000", "14.4");
        Fill rest = fill("s2", Side.SELL, "0.06", "45000", "16.2");
        return Stream.of(
                new Scenario("buy", "20", List.of(buy), "4970", "0", "0.1", "5000", "0", "30"),
                new Scenario("buy without fee", "20", List.of(fill("b0", Side.BUY, "0.1", "50000", "0")),
                        "5000", "0", "0.1", "5000", "0", "0"),
                new Scenario("partial sell with profit scraping", "20", List.of(buy, partial),
                        "7278.48", "77.12", "0.06", "3000", "400", "44.4"),
                new Scenario("partial sell without scraping", "0", List.of(buy, partial),
                        "7355.6", "0", "0.06", "3000", "400", "44.4"),
                new Scenario("full sell after partial, loss is not scraped", "20", List.of(buy, partial, rest),
                        "9962.28", "77.12", "0", "0", "100", "60.6"),
                new Scenario("full sell at a loss", "20", List.of(buy, fill("s3", Side.SELL, "0.1", "40000", "24")),
                        "8946", "0", "0", "0", "-1000", "54"),
                new Scenario("profit smaller than fee is not scraped", "50",
                        List.of(buy, fill("s4", Side.SELL, "0.1", "50010", "30.006")),
                        "9940.994", "0", "0", "0", "1", "60.006"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void postingRules(Scenario s) {
        Portfolio p = new Portfolio("USD", new BigDecimal(s.scrapePct()).movePointLeft(2));
        p.fund("initial", new BigDecimal("10000"), T);
        for (Fill f : s.fills()) {
            JournalEntry e = p.apply(f);
            assertTrue(e.balanced(), () -> "unbalanced " + e);
        }
        assertEq(s.cash(), p.cash());
        assertEq(s.reserve(), p.reserve());
        assertEq(s.position(), p.position("BTC-USD"));
        assertEq(s.holdingsCost(), p.balance(Accounts.holdings("BTC-USD")));
        assertEq(s.realized(), p.realizedPnl());
        assertEq(s.fees(), p.fees());
        assertBalanced(p);
        // equity identity: funding + realized - fees = cash + reserve + holdings at cost
        assertEq(p.funding().add(p.realizedPnl()).subtract(p.fees()).toPlainString(), p.equity(Map.of()));
    }

    static void assertBalanced(Portfolio p) {
        BigDecimal usd = BigDecimal.ZERO;
        BigDecimal btc = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : p.balances().entrySet()) {
            if (e.getKey().startsWith("position:") || e.getKey().startsWith("exchange:")) {
                btc = btc.add(e.getValue());
            } else {
                usd = usd.add(e.getValue());
            }
        }
        assertEquals(0, usd.signum(), "USD trial balance " + usd);
        assertEquals(0, btc.signum(), "BTC trial balance " + btc);
    }

    static void assertEq(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void rejectsOverdraftAndOversellWithCodes() {
        Portfolio p = new Portfolio("USD", BigDecimal.ZERO);
        p.fund("initial", new BigDecimal("1000"), T);
        CodedException cash = assertThrows(CodedException.class, () -> p.apply(fill("b", Side.BUY, "1", "1000", "1")));
        assertEquals(ErrorCode.ORDER_INSUFFICIENT_CASH, cash.code());
        CodedException qty = assertThrows(CodedException.class, () -> p.apply(fill("s", Side.SELL, "0.1", "10", "0")));
        assertEquals(ErrorCode.ORDER_INSUFFICIENT_HOLDINGS, qty.code());
        assertEquals(1, p.entryCount());
        assertEq("1000", p.cash());
    }

    @Test
    void sameFillTwicePostsOnce() {
        Portfolio p = new Portfolio("USD", BigDecimal.ZERO);
        p.fund("initial", new BigDecimal("10000"), T);
        Fill f = fill("b1", Side.BUY, "0.1", "50000", "30");
        JournalEntry first = p.apply(f);
        assertSame(first, p.apply(f));
        assertSame(p.entry("initial"), p.fund("initial", new BigDecimal("10000"), T));
        assertEq("4970", p.cash());
        assertEquals(2, p.entryCount());
    }

    @Test
    void holdsProtectRestingOrders() {
        Portfolio p = new Portfolio("USD", BigDecimal.ZERO);
        p.fund("initial", new BigDecimal("1000"), T);
        p.holdCash("o-b1", new BigDecimal("600"));
        assertEq("400", p.availableCash());
        assertThrows(CodedException.class, () -> p.apply(new Fill("x", "other", "BTC-USD", Side.BUY,
                new BigDecimal("0.01"), new BigDecimal("50000"), BigDecimal.ZERO, Liquidity.TAKER, T)));
        p.apply(fill("b1", Side.BUY, "0.01", "50000", "0.2"));
        assertEq("499.8", p.cash());
        assertEq("400", p.availableCash());
        p.release("o-b1");
        assertEq("499.8", p.availableCash());
    }

    @Test
    void averageCostAndEquityAtMarks() {
        Portfolio p = new Portfolio("USD", BigDecimal.ZERO);
        p.fund("initial", new BigDecimal("10000"), T);
        p.apply(fill("b1", Side.BUY, "0.1", "50000", "0"));
        p.apply(fill("b2", Side.BUY, "0.1", "40000", "0"));
        assertEq("45000", p.averageCost("BTC-USD"));
        assertEq("12000", p.equity(Map.of("BTC-USD", new BigDecimal("55000"))));
    }
}
