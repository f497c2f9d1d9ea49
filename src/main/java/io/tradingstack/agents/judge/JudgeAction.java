package io.tradingstack.agents.judge;

import io.tradingstack.bus.Doc;

/**
 * One thing an evaluation did or refused to do, as stored with it: {@code kind} is prompt_version,
 * prompt_rollback, prompt_kept, adjustment, adjustment_refused, adjustment_ended or feedback_consumed;
 * {@code code} names the error code of a refusal.
 */
public record JudgeAction(@Doc("prompt_version, prompt_rollback, prompt_kept, adjustment, adjustment_refused, "
                                  + "adjustment_ended or feedback_consumed") String kind,
                          @Doc("what it was") String detail,
                          @Doc(value = "prompt version concerned; null when none", nullable = true, min = 0) Integer version,
                          @Doc(value = "risk adjustment id; null when none", nullable = true) Long adjustmentId,
                          @Doc(value = "error code of a refusal; null otherwise", nullable = true) String code) {
    public static JudgeAction of(String kind, String detail) {
        return new JudgeAction(kind, detail, null, null, null);
    }
}
