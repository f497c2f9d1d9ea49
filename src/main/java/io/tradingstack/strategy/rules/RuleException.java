package io.tradingstack.strategy.rules;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.util.List;

/**
 * Why a rule was refused: a code, the character offset in the rule text, and where it helps the
 * accepted names and the closest one ("did you mean"). The only exception the rule compiler throws.
 */
public final class RuleException extends CodedException {
    private final int position;
    private final List<String> accepted;
    private final String suggestion;

    public RuleException(ErrorCode code, int position, String message) {
        this(code, position, message, List.of(), null);
    }

    public RuleException(ErrorCode code, int position, String message, List<String> accepted, String suggestion) {
        super(code, message + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
        this.position = position;
        this.accepted = List.copyOf(accepted);
        this.suggestion = suggestion;
    }

    /** Offset of the offending token in the rule text (0-based). */
    public int position() {
        return position;
    }

    /** The names that would have been accepted at that place (empty when not a naming problem). */
    public List<String> accepted() {
        return accepted;
    }

    /** The accepted name closest to what was written, or null. */
    public String suggestion() {
        return suggestion;
    }
}
