package io.tradingstack.agents.judge;

import io.tradingstack.ledger.EquitySample;
import io.tradingstack.ledger.PostedFill;
import io.tradingstack.model.Side;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reduces the ledger's raw window (equity samples oldest first, posted fills) and the gate's counts
 * to {@link JudgeFigures}. Plain and exact: the judge's activity calls it with what the ledger answered.
 */
public final class FigureReducer {
    private FigureReducer() {
    }

    public static JudgeFigures reduce(int windowDays, List<EquitySample> samples, List<PostedFill> fills,
                                      long attempts, long blocked, long agentIntents, long agentBlocked) {
        BigDecimal start = samples.isEmpty() ? BigDecimal.ZERO : samples.get(0).equity();
        BigDecimal end = samples.isEmpty() ? BigDecimal.ZERO : samples.get(samples.size() - 1).equity();
        int closed = 0;
        int winning = 0;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (PostedFill p : fills) {
            fees = fees.add(p.fill().fee());
            if (p.fill().side() == Side.SELL && p.realizedPnl() != null && p.realizedPnl().signum() != 0) {
                closed++;
                gross = gross.add(p.realizedPnl());
                if (p.realizedPnl().subtract(p.fill().fee()).signum() > 0) {
                    winning++;
                }
            }
        }
        return new JudgeFigures(windowDays, start, end, maxDrawdown(samples), dailyPnl(samples), closed, winning,
                gross, fees, attempts, blocked, agentIntents, agentBlocked);
    }

    /** Largest fall from a running peak, as a fraction of that peak. */
    static BigDecimal maxDrawdown(List<EquitySample> samples) {
        BigDecimal peak = null;
        BigDecimal worst = BigDecimal.ZERO;
        for (EquitySample s : samples) {
            peak = peak == null ? s.equity() : peak.max(s.equity());
            if (peak.signum() > 0) {
                worst = worst.max(peak.subtract(s.equity()).divide(peak, MathContext.DECIMAL64));
            }
        }
        return worst;
    }

    /** Per UTC day: the day's last equity minus the previous day's last (the first day: minus its first sample). */
    static List<BigDecimal> dailyPnl(List<EquitySample> samples) {
        Map<LocalDate, BigDecimal[]> days = new TreeMap<>();
        for (EquitySample s : samples) {
            BigDecimal[] firstLast = days.computeIfAbsent(LocalDate.ofInstant(s.time(), ZoneOffset.UTC),
                    d -> new BigDecimal[] {s.equity(), s.equity()});
            firstLast[1] = s.equity();
        }
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal previous = null;
        for (BigDecimal[] firstLast : days.values()) {
            out.add(firstLast[1].subtract(previous == null ? firstLast[0] : previous));
            previous = firstLast[1];
        }
        return out;
    }

    /**
     * Winning days of an adjustment made at {@code since}: complete UTC days after the day it was
     * made and before {@code today} whose P&L was positive ("until N winning days" ends at N).
     */
    public static int winningDaysSince(List<EquitySample> samples, java.time.Instant since, LocalDate today) {
        LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
        Map<LocalDate, BigDecimal[]> days = new TreeMap<>();
        for (EquitySample s : samples) {
            days.computeIfAbsent(LocalDate.ofInstant(s.time(), ZoneOffset.UTC), d -> new BigDecimal[] {s.equity(), s.equity()})[1]
                    = s.equity();
        }
        int winning = 0;
        BigDecimal previous = null;
        for (Map.Entry<LocalDate, BigDecimal[]> e : days.entrySet()) {
            BigDecimal pnl = e.getValue()[1].subtract(previous == null ? e.getValue()[0] : previous);
            previous = e.getValue()[1];
            if (e.getKey().isAfter(first) && e.getKey().isBefore(today) && pnl.signum() > 0) {
                winning++;
            }
        }
        return winning;
    }
}
