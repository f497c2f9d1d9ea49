package io.tradingstack.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The balances the portfolio keeps equal, value and scale, the plain sum of every posted entry's
 * {@code debit - credit} per account: the running-balance arithmetic in {@code post} is the
 * posting rules' result, not a second computation of it.
 */
class PortfolioBalancesTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void balancesAreTheSumOfTheSignedPostings() {
        Portfolio p = new Portfolio("USD", new BigDecimal("0.25"));
        List<String> keys = new ArrayList<>();
        keys.add(p.fund("seed", new BigDecimal("1E+4"), T).idempotencyKey());
        // amounts of mixed scales, negative scales included, partial and full exits, gains and losses
        String[][] fills = {
                {"BUY", "0.10000000", "50000.5", "5.00005"}, {"SELL", "0.04", "60000", "2.4"},
                {"BUY", "1E-2", "4.5E+4", "0.45"}, {"SELL", "0.07", "44999.99", "3.14999930"},
                {"BUY", "0.123", "51234.56789", "6.30185185"}, {"SELL", "0.123", "52000", "0"},
        };
        int i = 0;
        for (String[] f : fills) {
            Fill fill = new Fill("f" + i, "o" + i, "BTC-USD", Side.valueOf(f[0]), new BigDecimal(f[1]),
                    new BigDecimal(f[2]), new BigDecimal(f[3]), Liquidity.TAKER, T.plusSeconds(i));
            keys.add(p.apply(fill).idempotencyKey());
            i++;
        }
        Map<String, BigDecimal> expected = new HashMap<>();
        for (String k : keys) {
            for (Posting posting : p.entry(k).postings()) {
                expected.merge(posting.account(), posting.signed(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> actual = p.balances();
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((account, v) -> assertEquals(v, actual.get(account), account));
    }
}
