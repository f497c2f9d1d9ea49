package io.tradingstack.agents.execution;

import io.tradingstack.strategy.spec.OpenTrade;

import java.util.Map;

/**
 * The execution agent's durable state, saved to PostgreSQL (workflow-state store) after every
 * change and carried over continue-as-new: pause flag, nudge sequence, preferences, the prompt
 * version in force (the versions themselves live in the prompt store), per-symbol gate memory and
 * the levels of the trades it holds open.
 */
public record ExecutionState(boolean paused, long seq, Map<String, Object> preferences, int promptVersion, String promptText,
                             Map<String, SymbolMemory> memory, Map<String, OpenTrade> openTrades, long decisions,
                             long revision) {

    public ExecutionState {
        preferences = preferences == null ? Map.of() : Map.copyOf(preferences);
        memory = memory == null ? Map.of() : Map.copyOf(memory);
        openTrades = openTrades == null ? Map.of() : Map.copyOf(openTrades);
    }
}
