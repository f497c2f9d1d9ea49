package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.Timeframe;
import io.tradingstack.market.CandleFetch;
import io.tradingstack.model.Candle;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.rules.RuleOutcome;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.spec.Evaluation;
import io.tradingstack.strategy.spec.TriggerResult;
import io.tradingstack.strategy.store.StoredSpec;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;

/**
 * evaluate_strategy: which rules of the active spec of a market fire over its last N closed bars.
 * The bars come from the candle endpoint (the same cache as update_market_cache), with a warm-up
 * before the window so the indicators and the coarser timeframes the rules read are defined; a
 * name still undefined leaves its rule unknown and is listed under {@code missing}.
 */
final class EvaluateTool {
    /** Bars of the coarsest timeframe a rule reads that precede the window (long indicators need ~200). */
    static final int WARMUP_COARSE_BARS = 250;
    static final int MAX_FETCH = 6000;
    private final ToolContext ctx;

    EvaluateTool(ToolContext ctx) {
        this.ctx = ctx;
    }

    ToolSpec tool() {
        return ToolSpec.of("evaluate_strategy", Tier.READ, "Which rules of the active strategy spec of a market fire over "
                        + "its last N closed bars (fetched candles with a warm-up; position assumed flat): per bar the close, "
                        + "the fired rules as entry:<id>/exit:<id>, each trigger's outcome, and the names a rule lacked. "
                        + "Query get_strategy_spec on workflow strategy-spec-store.",
                object(props("market", symbol("product, e.g. BTC-USD"),
                        "timeframe", string("bar length of the spec (default: the market's most recently stored spec)", 8),
                        "bars", integer("how many of the latest closed bars", 1, 500, 20L)), "market"),
                Evaluated.class,
                ToolSpec.Hints.READ, this::evaluate);
    }

    @Doc("which rules of the active spec fired over the latest closed bars")
    record Evaluated(@Doc("product") String market, @Doc("bar length") String timeframe, @Doc("spec id") String specId,
                     @Doc(value = "spec version", min = 0) int version,
                     @Doc(value = "bars fetched, warm-up included", min = 0) int barsFetched,
                     @Doc("the evaluated bars, oldest first") List<Bar> bars) {
    }

    record Bar(@Doc(value = "bar close", nullable = true) Instant time, @Doc(value = "close price", nullable = true) Double close,
               @Doc("rules that fired: entry:<id> or exit:<id>") List<String> fired,
               @Doc("names a rule needed and did not have") List<String> missing,
               @Doc("every trigger") List<Trigger> triggers) {
        static Bar of(Evaluation e) {
            return new Bar(e.time(), e.close(), e.fired(), List.copyOf(e.missing()), e.triggers().stream().map(Trigger::of).toList());
        }
    }

    record Trigger(@Doc("trigger id") String id, @Doc("category") String category, @Doc("direction") String direction,
                   @Doc(value = "the entry rule's outcome; null without one", nullable = true) Outcome entry,
                   @Doc(value = "the exit rule's outcome; null without one", nullable = true) Outcome exit) {
        static Trigger of(TriggerResult t) {
            return new Trigger(t.id(), t.category().key(), t.direction().key(), Outcome.of(t.entry()), Outcome.of(t.exit()));
        }
    }

    record Outcome(@Doc(value = "what the rule gave", oneOf = {"fired", "not_fired", "unknown"}) String result,
                   @Doc("names it lacked (sorted); empty when none") List<String> missing) {
        static Outcome of(RuleOutcome o) {
            return o == null ? null : new Outcome(o.result().name().toLowerCase(java.util.Locale.ROOT),
                    o.missing().stream().sorted().toList());
        }
    }

    private Future<ToolResult> evaluate(ToolCall call) {
        String market = call.string("market", "");
        String timeframe = call.string("timeframe", null);
        int bars = call.arg("bars") instanceof Number n ? n.intValue() : 20;
        ToolResult unknown = ctx.unknownSymbol(List.of(market));
        if (unknown != null) {
            return Future.succeededFuture(unknown);
        }
        String store = DurableNames.StrategyStore.id(ctx.temporal().taskQueue());
        return ctx.temporal().query(store, DurableNames.StrategyStore.GET, StoredSpec.class, market, timeframe).compose(s -> {
            if (s == null) {
                return Future.succeededFuture(ToolResult.error(ErrorCode.STRATEGY_SPEC_NOT_FOUND, "no active spec for " + market
                        + (timeframe == null ? "" : " " + timeframe)));
            }
            CompiledSpec compiled = StrategySpecs.compile(s.spec(), timeframes());
            int base = compiled.environment().base().seconds();
            int fetch = Math.min(MAX_FETCH, bars + WARMUP_COARSE_BARS * Math.max(1, coarsest(compiled) / base));
            Instant end = Instant.ofEpochSecond(Math.floorDiv(Instant.now().getEpochSecond(), base) * base);
            CandleFetch req = CandleFetch.of(market, base, end.minusSeconds((long) fetch * base), end);
            return BusCalls.request(ctx.vertx(), Addresses.MARKET_FETCH_CANDLES, req).map(reply -> {
                List<Candle> candles = candles(market, base, reply.get("candles"));
                List<Evaluation> window = StrategySpecs.evaluate(compiled,
                        StrategySpecs.frames(compiled, candles, PositionState.FLAT), bars);
                return ToolResult.ok(new Evaluated(s.market(), s.timeframe(), s.specId(), s.version(), candles.size(),
                        window.stream().map(Bar::of).toList()));
            });
        });
    }

    private List<String> timeframes() {
        return Arrays.stream(ctx.config().get(ConfigKey.FEATURES_TIMEFRAMES).split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }

    private static int coarsest(CompiledSpec compiled) {
        return compiled.timeframes().stream().mapToInt(t -> Timeframe.parse(t).seconds()).max()
                .orElse(compiled.environment().base().seconds());
    }

    /** The reply's candles (plain maps: start, open, high, low, close, volume) as model candles, oldest first. */
    static List<Candle> candles(String market, int granularity, Object rows) {
        List<Candle> out = new ArrayList<>();
        if (rows instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> m = (Map<?, ?>) o;
                out.add(new Candle(market, granularity, Instant.parse(String.valueOf(m.get("start"))), d(m, "open"), d(m, "high"),
                        d(m, "low"), d(m, "close"), d(m, "volume")));
            }
        }
        return out;
    }

    private static double d(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
