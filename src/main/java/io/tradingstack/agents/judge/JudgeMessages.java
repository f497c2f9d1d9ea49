package io.tradingstack.agents.judge;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** The records of the judge store's bus endpoints ({@code ts.judge.*}), each with a codec. */
public final class JudgeMessages {
    public static final List<Class<? extends Record>> TYPES = List.of(Store.class, EvaluationsQuery.class, Evaluations.class,
            MemoryQuery.class, JudgeMemory.class);
    public static final int MAX_LIMIT = 500;

    private JudgeMessages() {
    }

    /** Body of {@code ts.judge.record}: store an evaluation and the memory after it (answered true, false when already stored). */
    public record Store(@JsonProperty("judge_id") String judgeId, JudgeEvaluation evaluation, JudgeMemory memory) {
    }

    /** Body of {@code ts.judge.evaluations}: the latest {@code limit} evaluations at or after {@code since} (null = all). */
    public record EvaluationsQuery(int limit, Instant since) {
        public EvaluationsQuery {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
            }
        }
    }

    /** Evaluations newest first, and the trend of their scores (oldest to newest). */
    public record Evaluations(List<JudgeEvaluation> evaluations, JudgeTrend trend) {
        public Evaluations {
            evaluations = List.copyOf(evaluations);
        }
    }

    /** Body of {@code ts.judge.memory}: what judge {@code judgeId} resumes from on UTC day {@code day}. */
    public record MemoryQuery(@JsonProperty("judge_id") String judgeId, String day) {
    }
}
