package io.tradingstack.strategy.spec;

import io.tradingstack.strategy.rules.RuleOutcome;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one trigger's rules gave on one bar; an absent rule is null. */
public record TriggerResult(String id, TriggerCategory category, TriggerDirection direction, RuleOutcome entry,
                            RuleOutcome exit) {

    public boolean entryFired() {
        return entry != null && entry.fired();
    }

    public boolean exitFired() {
        return exit != null && exit.fired();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("category", category.key());
        m.put("direction", direction.key());
        if (entry != null) {
            m.put("entry", outcome(entry));
        }
        if (exit != null) {
            m.put("exit", outcome(exit));
        }
        return m;
    }

    private static Map<String, Object> outcome(RuleOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", o.result().name().toLowerCase(java.util.Locale.ROOT));
        if (!o.missing().isEmpty()) {
            m.put("missing", o.missing().stream().sorted().toList());
        }
        return m;
    }
}
