package io.tradingstack.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Replies;
import io.tradingstack.llm.LlmUsageReport;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.store.SpecSummary;
import io.tradingstack.strategy.store.StoredSpec;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.anyObject;
import static io.tradingstack.mcp.Schemas.array;
import static io.tradingstack.mcp.Schemas.count;
import static io.tradingstack.mcp.Schemas.flag;
import static io.tradingstack.mcp.Schemas.nullable;
import static io.tradingstack.mcp.Schemas.number;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.result;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;
import static io.tradingstack.mcp.Schemas.time;

/**
 * list_strategy_specs / get_strategy_spec (queries of the spec store workflow), validate_strategy_spec
 * (compile and report, store nothing) and get_llm_usage (the llm component's day per agent).
 */
final class SpecTools {
    private static final long TIMEOUT_MS = 15_000;
    private final ToolContext ctx;

    SpecTools(ToolContext ctx) {
        this.ctx = ctx;
    }

    private String store() {
        return DurableNames.StrategyStore.id(ctx.temporal().taskQueue());
    }

    List<ToolSpec> tools() {
        Map<String, Object> timeframe = string("bar length, e.g. 5m (default: the market's most recently stored spec)", 8);
        return List.of(
                ToolSpec.of("list_strategy_specs", Tier.READ, "The active strategy specs (one per market and timeframe) "
                        + "without their rules: version, id, author, times, trigger count. Query list_strategy_specs on "
                        + "workflow strategy-spec-store.", Schemas.empty(),
                        result(props("specs", array(summarySchema(), "active specs"), "count", count("specs listed"))),
                        ToolSpec.Hints.READ, this::list),
                ToolSpec.of("get_strategy_spec", Tier.READ, "The active strategy spec of a market (and timeframe), with its "
                        + "rules, version and store times; STRATEGY_SPEC_NOT_FOUND when there is none. Query get_strategy_spec "
                        + "on workflow strategy-spec-store.",
                        object(props("market", symbol("product, e.g. BTC-USD"), "timeframe", timeframe), "market"),
                        storedSchema(), ToolSpec.Hints.READ, this::get),
                ToolSpec.of("validate_strategy_spec", Tier.READ, "Validate and compile a strategy spec (docs/strategy.md) "
                        + "against this node's feature timeframes, storing nothing: valid, every error and warning with its "
                        + "code and path (rules: position, accepted names, closest match), and what a valid spec reads.",
                        object(props("spec", anyObject("the StrategySpec JSON object")), "spec"), validationSchema(),
                        ToolSpec.Hints.READ, this::validate),
                ToolSpec.of("get_llm_usage", Tier.READ, "Today's (UTC) LLM usage per agent with the caps in force: "
                        + "calls, cache hits, refusals, tokens, cost in USD, and the provider and model.", Schemas.empty(),
                        usageSchema(), ToolSpec.Hints.READ, this::usage));
    }

    private Future<ToolResult> list(ToolCall call) {
        return ctx.temporal().query(store(), DurableNames.StrategyStore.LIST, SpecSummary[].class).map(specs -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("specs", Arrays.asList(specs));
            out.put("count", specs.length);
            return ToolResult.ok(out);
        });
    }

    private Future<ToolResult> get(ToolCall call) {
        String market = call.string("market", "");
        String timeframe = call.string("timeframe", null);
        ToolResult unknown = ctx.unknownSymbol(List.of(market));
        if (unknown != null) {
            return Future.succeededFuture(unknown);
        }
        return ctx.temporal().query(store(), DurableNames.StrategyStore.GET, StoredSpec.class, market, timeframe).map(s -> {
            if (s == null) {
                return ToolResult.error(ErrorCode.STRATEGY_SPEC_NOT_FOUND, "no active spec for " + market
                        + (timeframe == null ? "" : " " + timeframe));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("market", s.market());
            out.put("timeframe", s.timeframe());
            out.put("version", s.version());
            out.put("spec_id", s.specId());
            out.put("author", s.author());
            out.put("created_at", s.createdAt());
            out.put("stored_at", s.storedAt());
            out.put("spec", specJson(s.spec()));
            return ToolResult.ok(out);
        });
    }

    private Future<ToolResult> validate(ToolCall call) {
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(call.arg("spec"));
        } catch (JsonProcessingException e) {
            return Future.succeededFuture(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, "spec is not a JSON object"));
        }
        List<String> timeframes = Arrays.stream(ctx.config().get(ConfigKey.FEATURES_TIMEFRAMES).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return Future.succeededFuture(ToolResult.ok(StrategySpecs.validate(json, timeframes, Instant.now()).toMap()));
    }

    private Future<ToolResult> usage(ToolCall call) {
        return Replies.coded(ctx.vertx().eventBus().<LlmUsageReport>request(Addresses.LLM_USAGE, "usage",
                new DeliveryOptions().setSendTimeout(TIMEOUT_MS))).map(m -> ToolResult.ok(m.body()));
    }

    /** The spec as its canonical JSON (the names and enum spellings of the spec format), exact decimals kept. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> specJson(Object spec) {
        try {
            return Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(spec), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored spec did not serialize", e);
        }
    }

    private static Map<String, Object> summarySchema() {
        return result(props("market", string("product"), "timeframe", string("bar length"), "version", count("version"),
                "spec_id", string("spec id"), "author", string("planner, user or llm"), "created_at", nullable(time("written")),
                "stored_at", nullable(time("stored")), "valid_until", nullable(time("no new entries from then on")),
                "allow_auto_execute", flag("agents may place its orders without asking"), "triggers", count("triggers")));
    }

    static Map<String, Object> storedSchema() {
        return result(props("market", string("product"), "timeframe", string("bar length"), "version", count("version"),
                "spec_id", string("spec id"), "author", string("planner, user or llm"), "created_at", nullable(time("written")),
                "stored_at", nullable(time("stored")), "spec", anyObject("the StrategySpec JSON")));
    }

    private static Map<String, Object> validationSchema() {
        Map<String, Object> problem = anyObject("a problem: code, error (name), path, message, position?, accepted?, suggestion?");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("valid", flag("true when the spec can be stored and run"));
        p.put("errors", array(problem, "why it is not valid"));
        p.put("warnings", array(problem, "worth a look; never invalidating"));
        p.put("market", string("product (valid specs)"));
        p.put("timeframe", string("bar length (valid specs)"));
        p.put("timeframes_read", array(string("timeframe"), "timeframes the rules read (valid specs)"));
        p.put("triggers", array(string("trigger id"), "trigger ids (valid specs)"));
        return object(p, "valid", "errors", "warnings");
    }

    private static Map<String, Object> usageSchema() {
        Map<String, Object> agent = result(props("agent", string("agent name"), "calls", count("model calls"),
                "cache_hits", count("answers from the cache"), "refused", count("calls refused by a cap"),
                "input_tokens", count("input tokens"), "output_tokens", count("output tokens"), "cost_usd", number("cost in USD"),
                "unpriced_tokens", count("tokens of models without a price"), "max_calls", count("daily call cap"),
                "max_tokens", count("daily token cap"), "cap_reached", flag("a cap is reached")));
        return result(props("day", string("UTC day"), "provider", string("provider name"), "model", nullable(string("default model")),
                "endpoint", nullable(string("where calls go")), "agents", array(agent, "per agent"), "total", agent));
    }
}
