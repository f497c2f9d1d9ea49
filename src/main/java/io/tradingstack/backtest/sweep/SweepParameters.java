package io.tradingstack.backtest.sweep;

import io.tradingstack.backtest.BacktestLauncher;
import io.tradingstack.backtest.BacktestRequest;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.strategy.EmaRsiAtrStrategy;
import io.tradingstack.strategy.Strategies;
import io.tradingstack.strategy.Strategy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters a sweep may vary: the strategy's own (ema-rsi-atr: {@code rsi_max},
 * {@code atr_mult}) and the numeric risk limits of the backtest ({@code max_position_risk_pct}, ...).
 * Turns a {@link ParameterSet} into the strategy and the request of one run.
 */
public final class SweepParameters {
    public static final String RSI_MAX = "rsi_max";
    public static final String ATR_MULT = "atr_mult";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SweepParameters() {
    }

    /** The names a strategy accepts: its own parameters, then the risk limits. */
    public static Set<String> names(String strategy) {
        Set<String> out = new TreeSet<>(BacktestLauncher.RISK_NUMBERS);
        if (EmaRsiAtrStrategy.NAME.equals(strategy == null ? Strategies.DEFAULT : strategy)) {
            out.add(RSI_MAX);
            out.add(ATR_MULT);
        }
        return out;
    }

    /** Rejects an unknown name or a value out of its range, with the reason. */
    public static void check(String strategy, String name, BigDecimal value) {
        if (!names(strategy).contains(name)) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "strategy " + strategy + " has no parameter '" + name
                    + "'; it takes: " + String.join(", ", names(strategy)));
        }
        boolean ok = switch (name) {
            case RSI_MAX -> value.signum() > 0 && value.compareTo(HUNDRED) <= 0;
            case "max_trades_per_day" -> value.signum() > 0 && value.stripTrailingZeros().scale() <= 0;
            default -> value.signum() > 0;
        };
        if (!ok) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "parameter " + name + " = " + value.toPlainString()
                    + " is out of range (" + (RSI_MAX.equals(name) ? "0 < rsi_max <= 100" : name.equals("max_trades_per_day")
                    ? "a whole number > 0" : "> 0") + ")");
        }
    }

    /** A fresh strategy with the set's strategy parameters (defaults for the others). */
    public static Strategy strategy(SweepBase base, ParameterSet set) {
        String name = base.strategy() == null ? Strategies.DEFAULT : base.strategy();
        if (EmaRsiAtrStrategy.NAME.equals(name)) {
            EmaRsiAtrStrategy defaults = new EmaRsiAtrStrategy();
            return new EmaRsiAtrStrategy(value(set, RSI_MAX, defaults.rsiMax()), value(set, ATR_MULT, defaults.atrMult()));
        }
        return Strategies.create(name, base.pairs().isEmpty() ? null : base.pairs().get(0));
    }

    /** The backtest request of one run: the base with the set's risk limits as overrides (no report directory). */
    public static BacktestRequest request(SweepBase base, ParameterSet set) {
        Map<String, String> risk = new LinkedHashMap<>();
        set.values().forEach((k, v) -> {
            if (BacktestLauncher.RISK_NUMBERS.contains(k)) {
                risk.put(k, v.toPlainString());
            }
        });
        return new BacktestRequest(base.data(), base.pairs(), null, null, base.timeframe(), base.strategy(), null, risk,
                base.initialCash(), base.feeBps(), base.slippageBps(), null, null, null);
    }

    private static double value(ParameterSet set, String name, double fallback) {
        BigDecimal v = set.values().get(name);
        return v == null ? fallback : v.doubleValue();
    }

    /** The data part of a request, the key under which a worker keeps its loaded data. */
    static List<String> dataKey(SweepBase base) {
        return List.of(String.join("|", base.data()), String.join("|", base.pairs()), String.valueOf(base.timeframe()),
                base.bundled() + "|" + base.bundledFrom() + "|" + base.bundledTo());
    }
}
