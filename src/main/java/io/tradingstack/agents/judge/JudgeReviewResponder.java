package io.tradingstack.agents.judge;

import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.offline.OfflineReply;
import io.tradingstack.llm.offline.OfflineResponder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The judge's review without a model (task {@value JudgePrompt#TASK}): {@link ReviewRules} over the
 * score components the request's context carries. Registered in
 * {@code META-INF/services/io.tradingstack.llm.offline.OfflineResponder}.
 */
public final class JudgeReviewResponder implements OfflineResponder {
    @Override
    public Set<String> tasks() {
        return Set.of(JudgePrompt.TASK);
    }

    @Override
    public OfflineReply respond(LlmRequest request) {
        Map<String, Object> ctx = request.context();
        Map<String, Double> components = new LinkedHashMap<>();
        if (ctx.get("components") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> components.put(String.valueOf(k), ((Number) v).doubleValue()));
        }
        Map<String, String> undefined = new LinkedHashMap<>();
        if (ctx.get("undefined") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> undefined.put(String.valueOf(k), String.valueOf(v)));
        }
        double score = ctx.get("score") instanceof Number n ? n.doubleValue() : JudgeScore.NO_EVIDENCE;
        double threshold = ctx.get("threshold") instanceof Number n ? n.doubleValue() : 0;
        JudgeReview review = ReviewRules.derive(new JudgeScore(score, components, undefined), threshold);
        return OfflineReply.json(review.withSource(null));
    }
}
