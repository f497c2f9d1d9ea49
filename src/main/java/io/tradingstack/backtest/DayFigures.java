package io.tradingstack.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One simulated UTC day as the engine saw it, handed to a {@link DayListener} when the day ends.
 *
 * @param maxDrawdown  largest peak-to-trough fall of equity within the day (bar closes), a fraction
 * @param grossPnl     P&L of the round trips closed that day, before fees
 * @param fees         fees paid that day
 * @param attempts     signals the risk gate decided on; {@code blocked} of them it refused
 * @param entryQtys    quantities of the entry orders the gate approved that day, in order
 */
public record DayFigures(LocalDate date, BigDecimal startEquity, BigDecimal endEquity, BigDecimal maxDrawdown,
                         int closedTrades, int winningTrades, BigDecimal grossPnl, BigDecimal fees, long attempts,
                         long blocked, List<BigDecimal> entryQtys) {
    public DayFigures {
        entryQtys = List.copyOf(entryQtys);
    }
}
