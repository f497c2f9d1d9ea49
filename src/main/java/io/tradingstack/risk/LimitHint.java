package io.tradingstack.risk;

import java.math.BigDecimal;

/** A limit that a trade used at least 90 % of: {@code used} of {@code cap}, both in {@code unit} (qty, trades, pct). */
public record LimitHint(String limit, BigDecimal used, BigDecimal cap, String unit) {

    /** used / cap as a fraction, 4 decimals. */
    public BigDecimal utilization() {
        return cap.signum() == 0 ? BigDecimal.ONE : used.divide(cap, 4, java.math.RoundingMode.HALF_EVEN);
    }
}
