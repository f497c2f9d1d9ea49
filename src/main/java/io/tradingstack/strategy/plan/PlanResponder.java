package io.tradingstack.strategy.plan;

import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.offline.OfflineReply;
import io.tradingstack.llm.offline.OfflineResponder;
import io.tradingstack.strategy.spec.StrategySpec;

import java.util.Set;

/**
 * The planner without a model: answers task {@value PlannerPrompt#TASK} with the
 * {@link OfflinePlanner}'s spec for the feature vectors in the request's context. Deterministic;
 * with too few warm vectors it answers a text the schema check refuses (the plan then fails coded).
 */
public final class PlanResponder implements OfflineResponder {
    @Override
    public Set<String> tasks() {
        return Set.of(PlannerPrompt.TASK);
    }

    @Override
    public OfflineReply respond(LlmRequest request) {
        Object market = request.context().get("market");
        Object timeframe = request.context().get("timeframe");
        Object profile = request.context().get("risk_profile");
        try {
            StrategySpec spec = OfflinePlanner.plan(String.valueOf(market), String.valueOf(timeframe),
                    PlannerPrompt.vectors(request.context()), RiskProfile.parse(String.valueOf(profile)));
            return OfflineReply.json(spec);
        } catch (RuntimeException e) {
            return OfflineReply.text("no plan: " + e.getMessage());
        }
    }
}
