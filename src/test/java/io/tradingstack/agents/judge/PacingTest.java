package io.tradingstack.agents.judge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacingTest {
    /** Every 60 min, cooldown 30 min, at most 3 a day. */
    private static final JudgeSettings S = JudgeSettings.defaults().withLimits(60, 30, 3);
    private static final long T0 = Instant.parse("2026-12-02T10:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;

    private static JudgeMemory after(int evaluatedToday, long minutesAgo) {
        return new JudgeMemory("2026-12-02", T0 - minutesAgo * MIN, evaluatedToday, 0, evaluatedToday, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            on demand after the cooldown        | 1 | 31   | true  | false | -
            on demand inside the cooldown       | 1 | 10   | true  | false | cooldown
            forced inside the cooldown          | 1 | 10   | true  | true  | -
            scheduled ignores the cooldown      | 1 | 10   | false | false | -
            flood guard holds for forced ones   | 3 | 120  | true  | true  | flood guard
            flood guard holds for scheduled     | 3 | 120  | false | false | flood guard
            yesterday's count does not hold     | 3 | 1440 | true  | false | -
            """)
    void refusals(String name, int evaluatedToday, long minutesAgo, boolean onDemand, boolean force, String refusal) {
        JudgeMemory m = minutesAgo >= 1440 ? new JudgeMemory("2026-12-01", T0 - minutesAgo * MIN, evaluatedToday, 2, 9, null)
                : after(evaluatedToday, minutesAgo);
        String why = Pacing.refusal(S, m, T0, onDemand, force);
        if (refusal == null) {
            assertNull(why, name);
        } else {
            assertTrue(why != null && why.startsWith(refusal), name + ": " + why);
        }
    }

    @Test
    void scheduleWaitsAPeriodAndStopsForTheDayAtTheFloodGuard() {
        assertEquals(T0 + 60 * MIN, Pacing.nextDue(S, JudgeMemory.FRESH.on("2026-12-02"), T0, T0), "a fresh judge waits a period");
        assertEquals(T0 + 20 * MIN, Pacing.nextDue(S, after(1, 40), T0, T0 - 500 * MIN));
        assertEquals(T0, Pacing.nextDue(S, after(1, 90), T0, T0 - 500 * MIN), "overdue: now");
        assertEquals(Instant.parse("2026-12-03T00:00:00Z").toEpochMilli(), Pacing.nextDue(S, after(3, 90), T0, T0),
                "the flood guard holds the schedule until the next UTC day");
    }

    @Test
    void countersBelongToTheirDay() {
        JudgeMemory m = new JudgeMemory("2026-12-01", T0, 3, 2, 7, null).on("2026-12-02");
        assertEquals(List.of(0, 0, 7L), List.of(m.evaluatedToday(), m.skippedToday(), m.seq()));
        assertEquals(1, m.skipped().skippedToday());
        assertEquals(8, m.evaluated(T0, null).seq());
        assertEquals(7, m.failed(T0).seq(), "a failed evaluation uses its slot but makes no evaluation");
        assertEquals(1, m.failed(T0).evaluatedToday());
    }

    private static final JudgeReview NOTHING = new JudgeReview(List.of(), List.of(), null, List.of(), "rules");
    private static final JudgeReview PROPOSES = new JudgeReview(List.of(), List.of(),
            new JudgeReview.PromptProposal(true, "hit rate", List.of("Exit losers at the stop.")), List.of(), "rules");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            good score, nothing to do            | -  | 1 | 70 | false | false | KEEP        | 0 | -
            low score with guidance              | -  | 1 | 40 | true  | false | NEW_VERSION | 0 | judge
            the review proposes a change         | -  | 1 | 70 | true  | false | NEW_VERSION | 0 | judge
            user feedback alone                  | -  | 1 | 70 | false | true  | NEW_VERSION | 0 | user
            worse by the delta rolls back        | 60 | 2 | 55 | true  | true  | ROLLBACK    | 1 | judge
            worse by less keeps it               | 60 | 2 | 56 | false | false | KEEP        | 0 | -
            the version never took effect        | 60 | 1 | 20 | false | false | KEEP        | 0 | -
            """)
    void promptPlan(String name, Double baseline, int current, double score, boolean proposes, boolean feedback,
                    PromptPlan.Kind kind, int version, String author) {
        JudgeMemory.Probation probation = baseline == null ? null : new JudgeMemory.Probation(1, baseline, 4);
        PromptPlan p = PromptPlan.decide(JudgeSettings.defaults(), probation, current, "You trade.", score,
                proposes ? PROPOSES : NOTHING, feedback ? List.of("No trades on Sunday.") : List.of());
        assertEquals(kind, p.kind(), name + ": " + p.reason());
        assertEquals(version, p.version(), name);
        assertEquals(author, p.author(), name);
    }

    @Test
    void composeReplacesOnlyTheJudgeSection() {
        String v2 = PromptPlan.compose("You trade.", List.of("Exit losers at the stop."), List.of("No trades on Sunday."));
        assertEquals("You trade.\n\n## Judge guidance\n- Exit losers at the stop.\n- The user asks: No trades on Sunday.", v2);
        String v3 = PromptPlan.compose(v2, List.of("Trade less often."), List.of());
        assertEquals("You trade.\n\n## Judge guidance\n- Trade less often.", v3);
        assertEquals(v3, PromptPlan.compose(v3, List.of(), List.of()), "no guidance leaves the text as it is");
    }
}
