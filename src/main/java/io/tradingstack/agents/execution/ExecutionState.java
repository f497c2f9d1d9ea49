package io.tradingstack.agents.execution;

import io.tradingstack.strategy.spec.OpenTrade;

import java.util.List;
import java.util.Map;

/**
 * The execution agent's durable state, saved to PostgreSQL (workflow-state store) after every
 * change and carried over continue-as-new: pause flag, nudge sequence, preferences, prompt
 * versions and the one in force, pending user feedback, per-symbol gate memory and open trades.
 */
public record ExecutionState(boolean paused, long seq, Map<String, Object> preferences, int promptVersion,
                             List<PromptSignals.Version> prompts, List<String> feedback, Map<String, SymbolMemory> memory,
                             Map<String, OpenTrade> openTrades, long decisions, long revision) {

    public ExecutionState {
        preferences = preferences == null ? Map.of() : Map.copyOf(preferences);
        prompts = prompts == null ? List.of() : List.copyOf(prompts);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        memory = memory == null ? Map.of() : Map.copyOf(memory);
        openTrades = openTrades == null ? Map.of() : Map.copyOf(openTrades);
    }
}
