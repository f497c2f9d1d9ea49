package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A risk adjustment the judge wants, before clamping and before it has a time: a multiplier of the
 * risk limits for every symbol ({@code symbol} null) or one, and how it ends — after {@code days},
 * on {@code until} (a UTC date), or after {@code untilWinningDays} winning days. At most one end is
 * set; none means JUDGE_ADJUSTMENT_DAYS. From the structured review or from {@link RiskPhrase}.
 */
public record AdjustmentProposal(String symbol, BigDecimal multiplier, Integer days, LocalDate until,
                                 @JsonProperty("until_winning_days") Integer untilWinningDays, String reason) {
    public AdjustmentProposal {
        if (multiplier == null) {
            throw new IllegalArgumentException("multiplier is required");
        }
        int ends = (days == null ? 0 : 1) + (until == null ? 0 : 1) + (untilWinningDays == null ? 0 : 1);
        if (ends > 1) {
            throw new IllegalArgumentException("an adjustment ends one way: days, a date, or winning days");
        }
    }

    public AdjustmentProposal withReason(String r) {
        return new AdjustmentProposal(symbol, multiplier, days, until, untilWinningDays, r);
    }
}
