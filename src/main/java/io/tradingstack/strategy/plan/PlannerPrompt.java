package io.tradingstack.strategy.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tradingstack.bus.Json;
import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.ResponseSchema;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.strategy.spec.Problem;
import io.tradingstack.strategy.spec.SpecSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The planner's conversation with the model (agent {@value #AGENT}, task {@value #TASK}): pure, so
 * the store workflow builds it. The structured answer is a StrategySpec (the shipped JSON Schema);
 * the context carries the feature vectors the offline planner reads ({@link PlanResponder}).
 */
public final class PlannerPrompt {
    public static final String AGENT = "strategist";
    public static final String TASK = "strategy.plan";
    /** The version recorded with a call that used the built-in {@link #SYSTEM} (llm_calls.prompt_version). */
    public static final String VERSION = "planner-v1";
    /** The built-in system prompt: version 1 of agent {@value #AGENT} in the prompt store. */
    public static final String SYSTEM = """
            You plan trading strategies for a spot paper-trading book. Answer one StrategySpec as JSON,
            valid against the schema "strategy_spec", for the market and timeframe asked.
            Rules are written in the stack's rule language: numbers, feature names (rsi_14, close, atr_14,
            ema_12, ema_26, sma_20, sma_50, bb_upper, bb_middle, bb_lower, rolling_high_20, rolling_low_20,
            volume_multiple_20, realized_vol_20, vwap, macd, macd_signal, trend_state, vol_state, position),
            arithmetic, comparisons, and/or/not, "in [...]", "between a and b", crosses_above/crosses_below.
            The book is spot: plan long entries and exits only. Always include an emergency exit.
            Read the recent feature vectors in the context; keep stops in ATR multiples suited to the
            risk profile; give a short rationale. Do not invent feature names.""";
    private static final Map<String, Object> SCHEMA = Json.MAPPER.convertValue(Json.MAPPER.valueToTree(readSchema()),
            new TypeReference<Map<String, Object>>() { });

    private PlannerPrompt() {
    }

    /** The first request of a plan: the prompt in force (the built-in one when the request names none). */
    public static LlmRequest request(PlanRequest plan) {
        StringBuilder ask = new StringBuilder("Plan a strategy spec for " + plan.market() + " on " + plan.timeframe()
                + " bars. Risk profile: " + plan.profile().key() + ".");
        if (!plan.notes().isBlank()) {
            ask.append(" The user's notes: ").append(plan.notes());
        }
        if (!plan.feedback().isEmpty()) {
            ask.append("\nThe user's messages to you:");
            plan.feedback().forEach(f -> ask.append("\n- ").append(f));
        }
        return LlmRequest.builder(AGENT, TASK)
                .promptVersion(plan.promptVersion() == null ? VERSION : plan.promptVersion())
                .system(plan.systemPrompt() == null ? SYSTEM : plan.systemPrompt())
                .user(ask.toString())
                .responseSchema(ResponseSchema.of("strategy_spec", SCHEMA))
                .context(context(plan))
                .build();
    }

    /**
     * Loads the JSON Schema, the validator and the rule compiler: a worker calls this when it starts,
     * so the first plan's workflow task does not spend Temporal's one-second deadlock allowance on
     * class loading.
     */
    public static void warmUp(List<String> timeframes) {
        request(new PlanRequest("BTC-USD", "5m", "moderate", "", false, timeframes, List.of()));
        io.tradingstack.strategy.spec.SpecValidator.validate(io.tradingstack.strategy.spec.SpecValidator.toJson(
                io.tradingstack.strategy.DefaultSpecs.forMarket("BTC-USD")), timeframes, null);
    }

    /** The one repair round for rules that did not compile: the answer, then its problems with their codes. */
    public static LlmRequest repair(LlmRequest asked, String answer, List<Problem> problems) {
        StringBuilder text = new StringBuilder("The spec you answered does not validate:");
        problems.stream().limit(20).forEach(p -> text.append("\n- ").append(p.code().name()).append(" (").append(p.code().code())
                .append(") at ").append(p.path()).append(": ").append(p.message())
                .append(p.suggestion() == null ? "" : " (did you mean '" + p.suggestion() + "'?)"));
        text.append("\nAnswer the corrected spec as JSON valid against the schema \"strategy_spec\", no other text.");
        return asked.withMessages(List.of(LlmMessage.assistant(answer), LlmMessage.user(text.toString())));
    }

    static Map<String, Object> context(PlanRequest plan) {
        List<Object> vectors = new ArrayList<>();
        plan.vectors().forEach(v -> vectors.add(Json.MAPPER.convertValue(v, Map.class)));
        MarketRead read = MarketRead.of(plan.vectors(), plan.timeframe());
        return Map.of("market", plan.market(), "timeframe", plan.timeframe(), "risk_profile", plan.profile().key(),
                "notes", plan.notes(), "user_feedback", plan.feedback(),
                "market_summary", read == null ? "not enough warm bars" : read.toString(), "feature_vectors", vectors);
    }

    /** The feature vectors a request carries in its context, as the planner gave them. */
    static List<FeatureVector> vectors(Map<String, Object> context) {
        Object raw = context.get("feature_vectors");
        return raw == null ? List.of() : Json.MAPPER.convertValue(raw, new TypeReference<List<FeatureVector>>() { });
    }

    private static Object readSchema() {
        try {
            return Json.MAPPER.readTree(SpecSchema.text());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
