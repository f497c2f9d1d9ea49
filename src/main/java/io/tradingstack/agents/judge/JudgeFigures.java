package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the judge measures over one window, reduced from the ledger (equity samples, fills) and the
 * risk gate's decisions by {@link FigureReducer}: the only input of {@link JudgeScore}. Serializable
 * (an activity result, so a replay reads the same figures). Money stays exact.
 *
 * @param maxDrawdown   largest peak-to-trough fall of equity in the window, as a fraction (0.08 = 8 %)
 * @param dailyPnl      equity change per UTC day of the window, oldest first (days without samples left out)
 * @param closedTrades  sells that realized a P&L; {@code winningTrades} of them were positive after fees
 * @param grossPnl      realized P&L of the window before fees
 * @param attempts      orders the risk gate decided on; {@code blocked} of them it refused
 * @param agentIntents  the execution agent's intents that went to the gate; {@code agentBlocked} of them it refused
 */
@Doc("the ledger figures of the window (money as exact decimals)")
public record JudgeFigures(@Doc(value = "days of the window", min = 1) @JsonProperty("window_days") int windowDays,
                           @Doc("equity at the start") @JsonProperty("start_equity") BigDecimal startEquity,
                           @Doc("equity at the end") @JsonProperty("end_equity") BigDecimal endEquity,
                           @Doc("largest peak-to-trough fall, fraction") @JsonProperty("max_drawdown") BigDecimal maxDrawdown,
                           @Doc("equity change per UTC day, oldest first") @JsonProperty("daily_pnl") List<BigDecimal> dailyPnl,
                           @Doc(value = "sells that realized a P&L", min = 0) @JsonProperty("closed_trades") int closedTrades,
                           @Doc(value = "closed trades positive after fees", min = 0)
                           @JsonProperty("winning_trades") int winningTrades,
                           @Doc("realized P&L before fees") @JsonProperty("gross_pnl") BigDecimal grossPnl,
                           @Doc("fees paid") BigDecimal fees,
                           @Doc(value = "orders the risk gate decided on", min = 0) long attempts,
                           @Doc(value = "of them refused", min = 0) long blocked,
                           @Doc(value = "the execution agent's intents sent to the gate", min = 0)
                           @JsonProperty("agent_intents") long agentIntents,
                           @Doc(value = "of them refused", min = 0) @JsonProperty("agent_blocked") long agentBlocked) {
    public JudgeFigures {
        if (windowDays < 1) {
            throw new IllegalArgumentException("window_days must be >= 1");
        }
        Objects.requireNonNull(startEquity, "start_equity");
        Objects.requireNonNull(endEquity, "end_equity");
        maxDrawdown = maxDrawdown == null ? BigDecimal.ZERO : maxDrawdown;
        dailyPnl = dailyPnl == null ? List.of() : List.copyOf(dailyPnl);
        grossPnl = grossPnl == null ? BigDecimal.ZERO : grossPnl;
        fees = fees == null ? BigDecimal.ZERO : fees;
        if (winningTrades < 0 || closedTrades < winningTrades || blocked < 0 || attempts < blocked
                || agentBlocked < 0 || agentIntents < agentBlocked || fees.signum() < 0 || maxDrawdown.signum() < 0) {
            throw new IllegalArgumentException("counts and fees must be consistent and non-negative");
        }
    }

    /** A window with no equity, no trades and no orders (a fresh stack). */
    public static JudgeFigures empty(int windowDays) {
        return new JudgeFigures(windowDays, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), 0, 0,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);
    }
}
