package io.tradingstack.agents.execution;

import java.util.List;
import java.util.Map;

/**
 * The answer of get_execution_state: whether the agent runs or is paused, its mode, the prompt
 * version in force, preferences, the nudge sequence and the last decisions of this run (the full
 * list is in PostgreSQL: get_recent_decisions; prompt history and feedback in the prompt store).
 * {@code loaded} is false until a fresh run has read its stored state; {@code promptProblem} is
 * the store's refusal of the last prompt signal, if it refused it.
 */
public record ExecutionView(boolean loaded, boolean paused, String mode, int nudgeSeconds, List<String> symbols, long seq,
                            long decisions, int promptVersion, String promptText, String promptProblem,
                            Map<String, Object> preferences, Map<String, SymbolMemory> memory,
                            List<Map<String, Object>> lastDecisions) {
}
