package io.tradingstack.mcp;

import io.tradingstack.agents.prompts.Feedback;
import io.tradingstack.agents.prompts.PromptMessages;
import io.tradingstack.agents.prompts.PromptVersion;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.Replies;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.FeatureEngine;
import io.tradingstack.features.Timeframe;
import io.tradingstack.market.CandleFetch;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.plan.PlanRequest;
import io.tradingstack.strategy.plan.PlannerPrompt;
import io.tradingstack.strategy.plan.RiskProfile;
import io.tradingstack.strategy.spec.Problem;
import io.tradingstack.strategy.store.PlanOutcome;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.bool;
import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * plan_strategy: the feature vectors of the latest closed bars of a market (computed from fetched
 * candles, as evaluate_strategy does) go to the spec store workflow's plan update, which asks the
 * model (the offline planner without a key), validates with one repair round, and stores the spec.
 */
final class PlanTool {
    /** Bars before the planned window, so the long indicators (SMA 50, ATR, Bollinger) are warm. */
    static final int WARMUP_BARS = 120;
    /** Who consumes the planner's feedback messages. */
    static final String CONSUMER = "plan_strategy";
    private final ToolContext ctx;

    PlanTool(ToolContext ctx) {
        this.ctx = ctx;
        Codecs.register(ctx.vertx(), PromptMessages.TYPES);
    }

    ToolSpec tool() {
        return ToolSpec.of("plan_strategy", Tier.TRADE, "Plan a strategy spec for a market and timeframe from its latest "
                        + "feature vectors with the model (the deterministic offline planner when no OPENAI_API_KEY is set), "
                        + "validate it (rules that do not compile go back to the model once with their codes) and store it as "
                        + "the active spec of that market and timeframe. The planner's system prompt is the version in force "
                        + "of agent strategist (get_prompt_history) and it reads the user's pending messages to it "
                        + "(send_user_feedback), consumed once a plan is stored. Answers the stored spec and the validation "
                        + "warnings; a failure is coded (9110-9119) and stores nothing. Update plan_strategy on workflow "
                        + "strategy-spec-store.",
                object(props("symbol", symbol("product, e.g. BTC-USD"),
                        "timeframe", string("bar length, one of FEATURES_TIMEFRAMES, e.g. 5m", 8),
                        "risk_profile", enumOf("risk per trade and stop distance (default moderate)", "conservative", "moderate",
                                "aggressive"),
                        "notes", string("what the user wants from the strategy", PlanRequest.MAX_NOTES),
                        "auto_execute", bool("agents may place the spec's orders without asking", false)), "symbol", "timeframe"),
                Plan.class,
                new ToolSpec.Hints(false, true, false, false), this::plan);
    }

    @Doc("the stored spec of a plan, its validation warnings and the model calls that wrote it")
    record Plan(@Doc(value = "outcome", oneOf = "stored") String status, @Doc("the spec now active") SpecTools.Spec stored,
                @Doc("validation warnings") List<SpecTools.Issue> warnings, @Doc("the model calls of this plan") Llm llm,
                @Doc("the user's pending messages to the planner this plan read (message ids)") List<Long> feedbackConsumed) {
    }

    record Llm(@Doc(value = "who answered", nullable = true) String provider, @Doc(value = "model", nullable = true) String model,
               @Doc("llm_calls ids of this plan") List<String> calls, @Doc("a repair round was needed") boolean repaired,
               @Doc("the planner's system prompt version (get_prompt_history agent strategist)") String promptVersion) {
    }

    private Future<ToolResult> plan(ToolCall call) {
        String market = call.string("symbol", "");
        String timeframe = call.string("timeframe", "");
        ToolResult unknown = ctx.unknownSymbol(List.of(market));
        if (unknown != null) {
            return Future.succeededFuture(unknown);
        }
        List<String> timeframes = timeframes();
        if (!timeframes.contains(timeframe)) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.STRATEGY_PLAN_BAD_REQUEST, "timeframe " + timeframe
                    + " is not computed on this node; FEATURES_TIMEFRAMES is " + String.join(",", timeframes)));
        }
        RiskProfile profile = RiskProfile.parse(call.string("risk_profile", "moderate"));
        return vectors(market, timeframe).compose(vectors -> this.<PromptVersion>bus(Addresses.PROMPTS_CURRENT,
                        new PromptMessages.Current(PlannerPrompt.AGENT, PlannerPrompt.SYSTEM))
                .compose(prompt -> this.<PromptMessages.FeedbackList>bus(Addresses.PROMPTS_FEEDBACK_PENDING,
                                new PromptMessages.PendingQuery(PlannerPrompt.AGENT, PlanRequest.MAX_FEEDBACK))
                        .compose(pending -> {
                            PlanRequest request = new PlanRequest(market, timeframe, profile.key(), call.string("notes", ""),
                                    call.bool("auto_execute", false), timeframes, vectors, prompt.text(),
                                    PlannerPrompt.AGENT + "-v" + prompt.version(),
                                    pending.feedback().stream().map(Feedback::message).toList());
                            return update(request).compose(outcome -> consumed(outcome, pending.feedback())
                                    .map(ids -> answer(outcome, request.promptVersion(), ids)));
                        })));
    }

    /** The store workflow's plan update, once the request is within its bounds (else STRATEGY_PLAN_BAD_REQUEST, nothing sent). */
    private Future<PlanOutcome> update(PlanRequest request) {
        try {
            request.check();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new CodedException(ErrorCode.STRATEGY_PLAN_BAD_REQUEST, e.getMessage()));
        }
        return ctx.temporal().updateStarted(DurableNames.StrategyStore.id(ctx.temporal().taskQueue()),
                DurableNames.StrategyStore.TYPE, DurableNames.StrategyStore.PLAN, PlanOutcome.class, new Object[0], request);
    }

    /** The messages a stored plan read are consumed (by {@value #CONSUMER}); a failed plan leaves them pending. */
    private Future<List<Long>> consumed(PlanOutcome outcome, List<Feedback> used) {
        if (!outcome.ok() || used.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return this.<PromptMessages.Consumed>bus(Addresses.PROMPTS_FEEDBACK_CONSUME,
                new PromptMessages.Consume(used.stream().map(Feedback::id).toList(), CONSUMER)).map(PromptMessages.Consumed::ids);
    }

    private <T> Future<T> bus(String address, Object body) {
        return Replies.coded(ctx.vertx().eventBus().<T>request(address, body, new DeliveryOptions().setSendTimeout(15_000)))
                .map(m -> m.body());
    }

    /** The latest {@link PlanRequest#VECTORS} vectors of closed bars, oldest first; STRATEGY_PLAN_NO_DATA with too few warm ones. */
    private Future<List<FeatureVector>> vectors(String market, String timeframe) {
        int base = Timeframe.parse(timeframe).seconds();
        int fetch = PlanRequest.VECTORS + WARMUP_BARS;
        Instant end = Instant.ofEpochSecond(Math.floorDiv(Instant.now().getEpochSecond(), base) * base);
        CandleFetch req = CandleFetch.of(market, base, end.minusSeconds((long) fetch * base), end);
        return BusCalls.request(ctx.vertx(), Addresses.MARKET_FETCH_CANDLES, req).compose(reply -> {
            List<Candle> candles = EvaluateTool.candles(market, base, reply.get("candles"));
            FeatureEngine engine = new FeatureEngine(market, timeframe, fetch + 10, false);
            List<FeatureVector> all = new ArrayList<>();
            candles.forEach(c -> {
                FeatureVector v = engine.onCandle(c);
                if (v != null) {
                    all.add(v);
                }
            });
            List<FeatureVector> recent = all.subList(Math.max(0, all.size() - PlanRequest.VECTORS), all.size());
            long warm = recent.stream().filter(v -> v.sma50() != null && v.atr14() != null).count();
            if (warm < 20) {
                return Future.failedFuture(new CodedException(ErrorCode.STRATEGY_PLAN_NO_DATA, "only " + warm
                        + " warm bars of " + market + " " + timeframe + " (" + candles.size() + " candles fetched); the planner "
                        + "needs 20"));
            }
            return Future.succeededFuture(List.copyOf(recent));
        });
    }

    private static ToolResult answer(PlanOutcome o, String promptVersion, List<Long> consumed) {
        if (!o.ok()) {
            return ToolResult.error(o.code(), o.message(), Map.of("errors", o.errors().stream().map(Problem::toMap).toList(),
                    "llm_calls", o.llmCalls()));
        }
        return ToolResult.ok(new Plan("stored", SpecTools.Spec.of(o.stored()), SpecTools.Issue.of(o.warnings()),
                new Llm(o.provider(), o.model(), o.llmCalls(), o.repaired(), promptVersion), consumed));
    }

    private List<String> timeframes() {
        return Arrays.stream(ctx.config().get(ConfigKey.FEATURES_TIMEFRAMES).split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }
}
