package io.tradingstack.agents.execution;

import java.util.List;
import java.util.Map;

/**
 * The answer of get_execution_state: whether the agent runs or is paused, its mode, the prompt
 * version in force, preferences, pending feedback, the nudge sequence and the last decisions of
 * this run (the full list is in PostgreSQL: get_recent_decisions). {@code loaded} is false until a
 * fresh run has read its stored state.
 */
public record ExecutionView(boolean loaded, boolean paused, String mode, int nudgeSeconds, List<String> symbols, long seq,
                            long decisions, int promptVersion, String promptText, List<Integer> promptVersions,
                            Map<String, Object> preferences, List<String> pendingFeedback, Map<String, SymbolMemory> memory,
                            List<Map<String, Object>> lastDecisions) {
}
