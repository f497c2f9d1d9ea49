package io.tradingstack.agents.execution;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The execution agent's configuration, read once outside the workflow and handed to it as its
 * start argument (a workflow never reads configuration), so a run and its replay see the same
 * values. {@code nudgesPerRun} bounds the history before continue-as-new.
 */
public record ExecutionSettings(boolean enabled, String mode, int nudgeSeconds, BigDecimal minMovePct, int maxStaleSeconds,
                                int callsPerWindow, int windowSeconds, List<String> symbols, int nudgesPerRun) {
    public static final List<String> MODES = List.of("rules", "llm", "hybrid");
    static final int NUDGES_PER_RUN = 100;

    public ExecutionSettings {
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("mode must be one of " + MODES + ": " + mode);
        }
        if (nudgeSeconds < 1 || maxStaleSeconds < 1 || callsPerWindow < 1 || windowSeconds < 1 || nudgesPerRun < 1) {
            throw new IllegalArgumentException("nudge, staleness, window, calls and nudges per run must be positive");
        }
        if (minMovePct == null || minMovePct.signum() < 0) {
            throw new IllegalArgumentException("minMovePct must be >= 0");
        }
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("the execution agent needs at least one symbol");
        }
    }

    public static ExecutionSettings from(AppConfig c) {
        String own = c.get(ConfigKey.EXECUTION_SYMBOLS);
        List<String> symbols = own.isBlank() ? c.marketSymbols()
                : Arrays.stream(own.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ExecutionSettings(Boolean.parseBoolean(c.get(ConfigKey.EXECUTION_AGENT_ENABLED)), c.get(ConfigKey.EXECUTION_MODE),
                c.integer(ConfigKey.EXECUTION_NUDGE_SECONDS), c.decimal(ConfigKey.EXECUTION_MIN_MOVE_PCT),
                c.integer(ConfigKey.EXECUTION_MAX_STALE_SECONDS), c.integer(ConfigKey.EXECUTION_LLM_CALLS_PER_WINDOW),
                c.integer(ConfigKey.EXECUTION_LLM_WINDOW_SECONDS), symbols, NUDGES_PER_RUN);
    }

    /** The same settings with another mode (tests, and the mode a stored state asks for). */
    public ExecutionSettings withMode(String newMode) {
        return new ExecutionSettings(enabled, newMode, nudgeSeconds, minMovePct, maxStaleSeconds, callsPerWindow, windowSeconds,
                symbols, nudgesPerRun);
    }
}
