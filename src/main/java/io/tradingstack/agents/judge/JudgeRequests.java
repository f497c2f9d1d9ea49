package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradingstack.bus.Doc;
import io.tradingstack.risk.RiskAdjustment;

import java.util.List;

/** The arguments and answers of the judge workflow's update, query and activities. */
public final class JudgeRequests {
    private JudgeRequests() {
    }

    /** An on-demand evaluation over {@code windowDays} (0 = JUDGE_WINDOW_DAYS); {@code force} skips the cooldown. */
    public record Trigger(@JsonProperty("window_days") int windowDays, boolean force) {
        public Trigger {
            if (windowDays < 0 || windowDays > JudgeSettings.MAX_WINDOW_DAYS) {
                throw new IllegalArgumentException("window_days must be 0-" + JudgeSettings.MAX_WINDOW_DAYS);
            }
        }
    }

    /** The answer to a trigger: queued, or skipped with the reason (cooldown, flood guard). */
    public record TriggerAnswer(@Doc("true = queued; the result appears in get_judge_evaluations") boolean triggered,
                                @Doc("queued, or why it was skipped") String reason,
                                @Doc(value = "evaluations made today (UTC)", min = 0)
                                @JsonProperty("evaluations_today") int evaluationsToday,
                                @Doc(value = "requests skipped today", min = 0) @JsonProperty("skipped_today") int skippedToday,
                                @Doc(value = "JUDGE_MAX_EVALUATIONS_PER_DAY", min = 0) @JsonProperty("max_per_day") int maxPerDay) {
    }

    /** The workflow's state as its query answers it. */
    public record State(JudgeMemory memory, @JsonProperty("last_score") Double lastScore,
                        @JsonProperty("next_scheduled_at") long nextScheduledAt, @JsonProperty("queued") int queued,
                        JudgeSettings settings) {
    }

    /** A prompt change for the execution agent: a new text (NEW_VERSION) or a stored version (ROLLBACK). */
    public record PromptRequest(String evaluationId, PromptPlan plan, double score, List<Long> feedbackIds) {
    }

    /** Risk adjustments of one evaluation (each stored under {@code <evaluationId>:<index>}). */
    public record AdjustRequest(String evaluationId, List<RiskAdjustment> adjustments) {
        public AdjustRequest {
            adjustments = List.copyOf(adjustments);
        }
    }
}
