package io.tradingstack.agents.judge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When the judge may evaluate (the reference's floods and 4-hour cooldown, fixed): scheduled
 * evaluations every {@code evalMinutes}; on-demand ones at least {@code cooldownMinutes} after the
 * last unless forced; and never more than {@code maxPerDay} per UTC day, forced ones included.
 * Whatever is refused is counted as skipped. Pure: the workflow passes its clock.
 */
public final class Pacing {
    private Pacing() {
    }

    public static String day(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).toString();
    }

    /** Why an evaluation at {@code now} may not run, or null when it may. */
    public static String refusal(JudgeSettings s, JudgeMemory m, long now, boolean onDemand, boolean force) {
        JudgeMemory today = m.on(day(now));
        if (today.evaluatedToday() >= s.maxPerDay()) {
            return "flood guard: " + today.evaluatedToday() + " evaluations today (JUDGE_MAX_EVALUATIONS_PER_DAY="
                    + s.maxPerDay() + ")";
        }
        long cooldownEnd = cooldownEnd(s, m);
        if (onDemand && !force && now < cooldownEnd) {
            return "cooldown: the last evaluation was less than " + s.cooldownMinutes() + " minutes ago (until "
                    + Instant.ofEpochMilli(cooldownEnd) + "; force=true skips the cooldown)";
        }
        return null;
    }

    public static long cooldownEnd(JudgeSettings s, JudgeMemory m) {
        return m.lastAt() == 0 ? 0 : m.lastAt() + s.cooldownMinutes() * 60_000L;
    }

    /**
     * When the next scheduled evaluation is due: a period after the last one (a period after
     * {@code startedAt} for a judge that never evaluated: there is nothing to judge at a stack's
     * first start), or the next UTC day once today's evaluations reached the flood guard.
     */
    public static long nextDue(JudgeSettings s, JudgeMemory m, long now, long startedAt) {
        JudgeMemory today = m.on(day(now));
        if (today.evaluatedToday() >= s.maxPerDay()) {
            return LocalDate.parse(today.day()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return Math.max(now, (m.lastAt() == 0 ? startedAt : m.lastAt()) + s.evalMinutes() * 60_000L);
    }
}
