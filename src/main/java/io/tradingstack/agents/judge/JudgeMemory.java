package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the judge's workflow remembers between evaluations (carried over continue-as-new, rebuilt
 * from the stored evaluations after a restart): the pacing counters of the current UTC day, the
 * sequence of evaluations and the prompt version on probation.
 *
 * @param day            the UTC day (yyyy-mm-dd) the counters belong to
 * @param lastAt         epoch millis of the last evaluation (0 = none)
 * @param seq            evaluations ever made by this judge (the next one's number is seq + 1)
 * @param probation      a version the judge put in force and has not measured yet, or null
 */
public record JudgeMemory(String day, @JsonProperty("last_at") long lastAt, @JsonProperty("evaluated_today") int evaluatedToday,
                          @JsonProperty("skipped_today") int skippedToday, long seq, Probation probation) {
    public static final JudgeMemory FRESH = new JudgeMemory("", 0, 0, 0, 0, null);

    /**
     * A new prompt version put in force at evaluation {@code seq}: {@code fromVersion} was in force
     * before and scored {@code baseline}; the next evaluation of another version keeps it or rolls back.
     */
    public record Probation(@JsonProperty("from_version") int fromVersion, double baseline, long seq) {
    }

    /** The counters of {@code today}: reset when the day changed. */
    public JudgeMemory on(String today) {
        return today.equals(day) ? this : new JudgeMemory(today, lastAt, 0, 0, seq, probation);
    }

    public JudgeMemory skipped() {
        return new JudgeMemory(day, lastAt, evaluatedToday, skippedToday + 1, seq, probation);
    }

    public JudgeMemory evaluated(long at, Probation next) {
        return new JudgeMemory(day, at, evaluatedToday + 1, skippedToday, seq + 1, next);
    }

    /** An evaluation that failed (its activities gave up): it used its slot, so a broken ledger cannot spin the judge. */
    public JudgeMemory failed(long at) {
        return new JudgeMemory(day, at, evaluatedToday + 1, skippedToday, seq, probation);
    }
}
