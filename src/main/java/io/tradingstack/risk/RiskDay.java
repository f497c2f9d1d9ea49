package io.tradingstack.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The risk engine's state for one UTC day: the equity the daily loss is measured from, the
 * approved trades that count toward max_trades_per_day, and the risk budget used. A live gate
 * stores it and restores it after a restart, so a restart never resets the day's caps.
 */
public record RiskDay(LocalDate date, BigDecimal anchor, int trades, BigDecimal budgetUsed,
                      java.util.Map<String, Integer> symbolEntries) {

    /** A day without per-symbol entry counts (no execution caps counted yet). */
    public RiskDay(LocalDate date, BigDecimal anchor, int trades, BigDecimal budgetUsed) {
        this(date, anchor, trades, budgetUsed, java.util.Map.of());
    }

    public RiskDay {
        symbolEntries = symbolEntries == null ? java.util.Map.of() : java.util.Map.copyOf(symbolEntries);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(anchor, "anchor");
        if (anchor.signum() < 0 || trades < 0) {
            throw new IllegalArgumentException("a day's anchor and trade count are never negative");
        }
        budgetUsed = budgetUsed == null ? BigDecimal.ZERO : budgetUsed;
    }
}
