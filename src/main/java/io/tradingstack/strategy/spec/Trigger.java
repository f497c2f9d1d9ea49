package io.tradingstack.strategy.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.regex.Pattern;

/**
 * One named rule of a spec (the reference TriggerCondition). A long or short trigger opens a
 * position when {@code entry_rule} fires and may close it when {@code exit_rule} fires; an exit
 * trigger (categories risk_reduce, risk_off, emergency_exit, or other) has only an
 * {@code exit_rule}. Rules are strings of the rule language (docs/strategy.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(String id, TriggerCategory category, TriggerDirection direction,
                      @JsonProperty("confidence_grade") ConfidenceGrade confidenceGrade,
                      @JsonProperty("entry_rule") String entryRule, @JsonProperty("exit_rule") String exitRule,
                      String rationale) {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final int MAX_RULE = 2000;

    public Trigger {
        Keys.require(id != null && ID.matcher(id).matches(),
                "id must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        Keys.require(category != null, "category is required");
        Keys.require(direction != null, "direction is required (long, short or exit)");
        confidenceGrade = confidenceGrade == null ? ConfidenceGrade.B : confidenceGrade;
        entryRule = Keys.text(entryRule, "entry_rule", MAX_RULE, direction != TriggerDirection.EXIT);
        exitRule = Keys.text(exitRule, "exit_rule", MAX_RULE, direction == TriggerDirection.EXIT);
        rationale = Keys.text(rationale, "rationale", 1000, false);
        if (direction == TriggerDirection.EXIT) {
            Keys.require(entryRule == null, "an exit trigger has no entry_rule");
            Keys.require(category.exitOnly() || category == TriggerCategory.OTHER,
                    "an exit trigger's category is risk_reduce, risk_off, emergency_exit or other, not " + category.key());
        } else {
            Keys.require(!category.exitOnly(), "category " + category.key() + " is for exit triggers (direction exit)");
        }
    }

    /** An entry trigger. */
    public static Trigger entry(String id, TriggerCategory category, TriggerDirection direction, ConfidenceGrade grade,
                                String entryRule, String exitRule, String rationale) {
        return new Trigger(id, category, direction, grade, entryRule, exitRule, rationale);
    }

    /** An exit-only trigger. */
    public static Trigger exit(String id, TriggerCategory category, String exitRule, String rationale) {
        return new Trigger(id, category, TriggerDirection.EXIT, ConfidenceGrade.A, null, exitRule, rationale);
    }
}
