package io.tradingstack.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer of the ledger's STATUS query: cash, positions marked at the given mids, and equity.
 * Amounts are exact, without trailing zeros (0.07, not 0.07000000); a position without a mark is
 * valued at cost and listed under {@code unmarked}.
 */
public record PortfolioStatus(Instant asOf, String quoteCurrency, BigDecimal cash, BigDecimal availableCash,
                              BigDecimal reserve, BigDecimal equity, BigDecimal funding, BigDecimal realizedPnl,
                              BigDecimal fees, long entries, List<Position> positions, List<String> unmarked) {

    public PortfolioStatus {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(quoteCurrency, "quoteCurrency");
        positions = List.copyOf(positions);
        unmarked = List.copyOf(unmarked);
    }

    /** Realized plus unrealized P&L at the marks, before fees. */
    public BigDecimal pnlGross() {
        BigDecimal gross = realizedPnl == null ? BigDecimal.ZERO : realizedPnl;
        for (Position p : positions) {
            gross = p.unrealizedPnl() == null ? gross : gross.add(p.unrealizedPnl());
        }
        return gross;
    }

    /** Gross P&L less every fee paid (equity − funding). */
    public BigDecimal pnlNet() {
        return pnlGross().subtract(fees == null ? BigDecimal.ZERO : fees);
    }

    /** One open position; {@code mark} is null when no mid was available. */
    public record Position(String symbol, BigDecimal qty, BigDecimal availableQty, BigDecimal averageCost,
                           BigDecimal costBasis, BigDecimal mark, BigDecimal marketValue, BigDecimal unrealizedPnl) {
        public Position {
            Objects.requireNonNull(symbol, "symbol");
        }
    }
}
