package io.tradingstack.strategy.spec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every trigger of a spec evaluated on one bar (what evaluate_strategy reports per bar). */
public record Evaluation(Instant time, Double close, List<TriggerResult> triggers) {

    public Evaluation {
        triggers = List.copyOf(triggers);
    }

    /** "entry:id" / "exit:id" of every rule that fired, in trigger order. */
    public List<String> fired() {
        return triggers.stream().flatMap(t -> {
            java.util.stream.Stream.Builder<String> b = java.util.stream.Stream.builder();
            if (t.entryFired()) {
                b.add("entry:" + t.id());
            }
            if (t.exitFired()) {
                b.add("exit:" + t.id());
            }
            return b.build();
        }).toList();
    }

    /** Names that were undefined in a rule whose result they left unknown. */
    public Set<String> missing() {
        Set<String> out = new TreeSet<>();
        for (TriggerResult t : triggers) {
            if (t.entry() != null && t.entry().unknown()) {
                out.addAll(t.entry().missing());
            }
            if (t.exit() != null && t.exit().unknown()) {
                out.addAll(t.exit().missing());
            }
        }
        return out;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time == null ? null : time.toString());
        m.put("close", close);
        m.put("fired", fired());
        m.put("missing", List.copyOf(missing()));
        m.put("triggers", triggers.stream().map(TriggerResult::toMap).toList());
        return m;
    }
}
