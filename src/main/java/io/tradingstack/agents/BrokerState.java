package io.tradingstack.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The broker's state: what it stores in PostgreSQL and carries across continue-as-new.
 * {@code revision} counts the changes, so a stored state is only ever replaced by a newer one.
 * {@code preferencesSet} says whether the user ever chose their preferences (the defaults are not a
 * choice); {@code transcript} is the last {@link BrokerAgentWorkflowImpl#TRANSCRIPT_ENTRIES} lines of
 * the conversation; {@code turns} counts the chat turns ever started (turn ids derive from it).
 * States stored before the transcript existed read back with these as null.
 */
public record BrokerState(List<String> symbols, Map<String, Object> preferences, long revision,
                          List<TranscriptEntry> transcript, Boolean preferencesSet, Long turns) {

    public BrokerState(List<String> symbols, Map<String, Object> preferences, long revision) {
        this(symbols, preferences, revision, null, null, null);
    }

    public BrokerState(List<String> symbols, Map<String, Object> preferences) {
        this(symbols, preferences, 0);
    }

    /** Reference defaults: moderate risk, balanced style, intermediate experience. */
    public static Map<String, Object> defaultPreferences() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("risk_tolerance", "moderate");
        p.put("trading_style", "balanced");
        p.put("experience_level", "intermediate");
        return p;
    }

    /**
     * Whether the user chose preferences: stored explicitly since the broker chat exists; for a state
     * stored before, any of the three reference keys differing from its default counts as a choice.
     */
    boolean userChosePreferences() {
        if (preferencesSet != null) {
            return preferencesSet;
        }
        Map<String, Object> defaults = defaultPreferences();
        return preferences != null && defaults.keySet().stream()
                .anyMatch(k -> preferences.containsKey(k) && !defaults.get(k).equals(preferences.get(k)));
    }
}
