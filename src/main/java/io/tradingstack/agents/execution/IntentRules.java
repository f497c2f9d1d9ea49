package io.tradingstack.agents.execution;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure rules that turn proposals and model answers into intents: the spec's own intent, the
 * model's intents checked against what was asked (a symbol not consulted, a sell above the
 * available quantity or a malformed row makes the whole answer unusable: EXECUTION_BAD_INTENT, and
 * the rules decide instead), and the hybrid merge where the model may only veto or shrink.
 */
public final class IntentRules {
    private IntentRules() {
    }

    /** What the model said about one symbol. */
    public record ModelIntent(String symbol, String action, BigDecimal qty, String reason) {
    }

    /** The rules' intent for a symbol: its proposal when it acts on a bar not acted on yet, else null. */
    public static Intent rules(Observation o, boolean fresh, String source) {
        return fresh && o.rules() != null && o.rules().acts() ? Intent.of(o.symbol(), o.rules(), source) : null;
    }

    /**
     * The model's intents by symbol.
     *
     * @throws IllegalArgumentException with a readable reason when the answer cannot be used
     */
    public static Map<String, ModelIntent> parse(Map<String, Object> structured, Map<String, Observation> asked) {
        if (structured == null || !(structured.get("intents") instanceof List<?> rows)) {
            throw new IllegalArgumentException("no intents in the answer");
        }
        Map<String, ModelIntent> out = new LinkedHashMap<>();
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("an intent is not an object");
            }
            ModelIntent i = intent(m, asked);
            if (out.putIfAbsent(i.symbol(), i) != null) {
                throw new IllegalArgumentException("two intents for " + i.symbol());
            }
        }
        return out;
    }

    private static ModelIntent intent(Map<?, ?> m, Map<String, Observation> asked) {
        String symbol = String.valueOf(m.get("symbol"));
        Observation o = asked.get(symbol);
        if (o == null) {
            throw new IllegalArgumentException("intent for " + symbol + ", which was not asked about");
        }
        String action = String.valueOf(m.get("action"));
        if (!Set.of("buy", "sell", "hold").contains(action)) {
            throw new IllegalArgumentException(symbol + ": action must be buy, sell or hold, not " + action);
        }
        BigDecimal qty;
        try {
            qty = m.get("qty") == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(m.get("qty")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(symbol + ": qty is not a number");
        }
        if (!"hold".equals(action) && qty.signum() <= 0) {
            throw new IllegalArgumentException(symbol + ": a " + action + " needs qty > 0");
        }
        BigDecimal available = o.availableQty() == null ? BigDecimal.ZERO : o.availableQty();
        if ("sell".equals(action) && qty.compareTo(available) > 0) {
            throw new IllegalArgumentException(symbol + ": sell " + qty.toPlainString() + " exceeds the available "
                    + available.toPlainString() + " (spot book, no shorts)");
        }
        return new ModelIntent(symbol, action, qty, m.get("reason") == null ? "" : String.valueOf(m.get("reason")));
    }

    /**
     * The model's intent as an order (null for hold); a buy keeps the rules' stop when the rules also
     * buy, and an intent on the rules' side keeps their trigger (for the risk gate's execution caps).
     */
    public static Intent fromModel(ModelIntent m, Observation o) {
        if (m == null || "hold".equals(m.action())) {
            return null;
        }
        Proposal same = o.rules() != null && m.action().equals(o.rules().action()) ? o.rules() : null;
        BigDecimal stop = "buy".equals(m.action()) && same != null ? same.stopPrice() : null;
        return new Intent(m.symbol(), m.action(), m.qty(), stop, "llm: " + m.reason(), "llm",
                same == null ? null : same.triggerId(), same == null ? null : same.triggerCategory());
    }

    /**
     * Hybrid: the rules propose, the model may veto (hold, or the other side) or shrink the
     * quantity; a larger quantity is capped at the rules' own. Null when nothing is to be placed.
     */
    public static Intent hybrid(Intent rules, ModelIntent m) {
        if (rules == null || m == null) {
            return rules;
        }
        if (!rules.side().equals(m.action())) {
            return null;
        }
        return m.qty().compareTo(rules.qty()) < 0 ? rules.withQty(m.qty(), "resized by the model: " + m.reason()) : rules;
    }
}
