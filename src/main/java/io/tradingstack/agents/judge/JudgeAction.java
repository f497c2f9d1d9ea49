package io.tradingstack.agents.judge;

/**
 * One thing an evaluation did or refused to do, as stored with it: {@code kind} is prompt_version,
 * prompt_rollback, prompt_kept, adjustment, adjustment_refused, adjustment_ended or feedback_consumed;
 * {@code code} names the error code of a refusal.
 */
public record JudgeAction(String kind, String detail, Integer version, Long adjustmentId, String code) {
    public static JudgeAction of(String kind, String detail) {
        return new JudgeAction(kind, detail, null, null, null);
    }
}
