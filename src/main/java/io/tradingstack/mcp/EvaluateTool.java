package io.tradingstack.mcp;

import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.features.Timeframe;
import io.tradingstack.market.CandleFetch;
import io.tradingstack.model.Candle;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.rules.PositionState;
import io.tradingstack.strategy.spec.CompiledSpec;
import io.tradingstack.strategy.spec.Evaluation;
import io.tradingstack.strategy.store.StoredSpec;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.anyObject;
import static io.tradingstack.mcp.Schemas.array;
import static io.tradingstack.mcp.Schemas.count;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.nullable;
import static io.tradingstack.mcp.Schemas.number;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.result;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;
import static io.tradingstack.mcp.Schemas.time;

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
                result(props("market", string("product"), "timeframe", string("bar length"), "spec_id", string("spec id"),
                        "version", count("spec version"), "bars_fetched", count("bars fetched, warm-up included"),
                        "bars", array(result(props("time", nullable(time("bar close")), "close", nullable(number("close price")),
                                "fired", array(string("entry:<id> or exit:<id>"), "rules that fired"),
                                "missing", array(string("name"), "names a rule needed and did not have"),
                                "triggers", array(anyObject("a trigger's id, category, direction and entry/exit outcome"),
                                        "every trigger"))), "the evaluated bars, oldest first"))),
                ToolSpec.Hints.READ, this::evaluate);
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
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("market", s.market());
                out.put("timeframe", s.timeframe());
                out.put("spec_id", s.specId());
                out.put("version", s.version());
                out.put("bars_fetched", candles.size());
                out.put("bars", window.stream().map(Evaluation::toMap).toList());
                return ToolResult.ok(out);
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
