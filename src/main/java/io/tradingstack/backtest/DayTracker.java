package io.tradingstack.backtest;

import io.tradingstack.risk.RiskAdjustments;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Accumulates one simulated day's figures for a {@link DayListener}; idle (no work per bar) without one. */
final class DayTracker {
    private final DayListener listener;
    private LocalDate date;
    private BigDecimal start;
    private BigDecimal peak;
    private BigDecimal maxDrawdown;
    private BigDecimal feesAtStart;
    private int tradesAtStart;
    private long attempts;
    private long blocked;
    private final List<BigDecimal> entryQtys = new ArrayList<>();

    DayTracker(DayListener listener) {
        this.listener = listener == null ? DayListener.NONE : listener;
    }

    boolean active() {
        return listener != DayListener.NONE;
    }

    boolean started() {
        return date != null;
    }

    /** The running day (a bar belongs to the UTC day it opens in), Long.MIN_VALUE before the first. */
    long epochDay() {
        return date == null ? Long.MIN_VALUE : date.toEpochDay();
    }

    void begin(long epochDay, BigDecimal equity, BigDecimal fees, int closedTrades) {
        date = LocalDate.ofEpochDay(epochDay);
        start = equity;
        peak = equity;
        maxDrawdown = BigDecimal.ZERO;
        feesAtStart = fees;
        tradesAtStart = closedTrades;
        attempts = 0;
        blocked = 0;
        entryQtys.clear();
    }

    void onClose(BigDecimal equity) {
        if (equity.compareTo(peak) > 0) {
            peak = equity;
        } else if (peak.signum() > 0) {
            maxDrawdown = maxDrawdown.max(peak.subtract(equity).divide(peak, MathContext.DECIMAL64));
        }
    }

    void decided(boolean approved, boolean entry, BigDecimal qty) {
        attempts++;
        if (!approved) {
            blocked++;
        } else if (entry) {
            entryQtys.add(qty);
        }
    }

    /** Ends the day; the listener's adjustments (null: unchanged). */
    RiskAdjustments end(BigDecimal equity, BigDecimal fees, List<TradeBook.Trade> closed, boolean last) {
        onClose(equity);
        List<TradeBook.Trade> today = closed.subList(Math.min(tradesAtStart, closed.size()), closed.size());
        int winning = 0;
        BigDecimal gross = BigDecimal.ZERO;
        for (TradeBook.Trade t : today) {
            winning += t.pnl().signum() > 0 ? 1 : 0;
            gross = gross.add(t.pnl()).add(t.fees());
        }
        DayFigures day = new DayFigures(date, start, equity, maxDrawdown, today.size(), winning, gross,
                fees.subtract(feesAtStart).max(BigDecimal.ZERO), attempts, blocked, entryQtys);
        return listener.dayEnded(day, last);
    }
}
