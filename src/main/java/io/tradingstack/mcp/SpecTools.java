package io.tradingstack.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.DurableNames;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.Replies;
import io.tradingstack.llm.LlmUsageReport;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.strategy.StrategySpecs;
import io.tradingstack.strategy.spec.Problem;
import io.tradingstack.strategy.spec.ValidationReport;
import io.tradingstack.strategy.store.SpecSummary;
import io.tradingstack.strategy.store.StoredSpec;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.tradingstack.mcp.Schemas.anyObject;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;
import static io.tradingstack.mcp.Schemas.symbol;

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
                        Specs.class,
                        ToolSpec.Hints.READ, this::list),
                ToolSpec.of("get_strategy_spec", Tier.READ, "The active strategy spec of a market (and timeframe), with its "
                        + "rules, version and store times; STRATEGY_SPEC_NOT_FOUND when there is none. Query get_strategy_spec "
                        + "on workflow strategy-spec-store.",
                        object(props("market", symbol("product, e.g. BTC-USD"), "timeframe", timeframe), "market"),
                        Spec.class, ToolSpec.Hints.READ, this::get),
                ToolSpec.of("validate_strategy_spec", Tier.READ, "Validate and compile a strategy spec (docs/strategy.md) "
                        + "against this node's feature timeframes, storing nothing: valid, every error and warning with its "
                        + "code and path (rules: position, accepted names, closest match), and what a valid spec reads.",
                        object(props("spec", anyObject("the StrategySpec JSON object")), "spec"), Validation.class,
                        ToolSpec.Hints.READ, this::validate),
                ToolSpec.of("get_llm_usage", Tier.READ, "Today's (UTC) LLM usage per agent with the caps in force: "
                        + "calls, cache hits, refusals, tokens, cost in USD, and the provider and model.", Schemas.empty(),
                        LlmUsageReport.class, ToolSpec.Hints.READ, this::usage));
    }

    @Doc("the active strategy specs, without their rules")
    record Specs(@Doc("active specs") List<SpecSummary> specs, @Doc(value = "specs listed", min = 0) int count) {
    }

    @Doc("a stored strategy spec")
    record Spec(@Doc("product") String market, @Doc("bar length") String timeframe,
                @Doc(value = "version", min = 0) int version, @Doc("spec id") String specId,
                @Doc("planner, user or llm") String author,
                @Doc(value = "written", nullable = true) Instant createdAt,
                @Doc(value = "stored", nullable = true) Instant storedAt,
                @Doc("the StrategySpec JSON in the spec format's own names and spellings (docs/strategy.md): open here, "
                        + "validate_strategy_spec checks it") Map<String, Object> spec) {
        static Spec of(StoredSpec s) {
            return new Spec(s.market(), s.timeframe(), s.version(), s.specId(), s.author(), s.createdAt(), s.storedAt(),
                    specJson(s.spec()));
        }
    }

    /** A problem of a spec: its code (number and name), where, and for a rule the offset, accepted names and closest. */
    record Issue(@Doc("error code number (bus.ErrorCode)") int code, @Doc("error code name") String error,
                 @Doc("where, e.g. triggers[1].entry_rule") String path, @Doc("what is wrong") String message,
                 @Doc(value = "offset in the rule; null when not a rule", nullable = true, min = 0) Integer position,
                 @Doc(value = "names a rule accepts there; null when not a name", nullable = true) List<String> accepted,
                 @Doc(value = "the closest accepted name; null when none", nullable = true) String didYouMean) {
        static Issue of(Problem p) {
            return new Issue(p.code().code(), p.code().name(), p.path(), p.message(), p.position(), p.accepted(), p.suggestion());
        }

        static List<Issue> of(List<Problem> problems) {
            return problems.stream().map(Issue::of).toList();
        }
    }

    /** validate_strategy_spec: an invalid spec's problems, or a valid one's problems and what its rules read. */
    @Doc("whether the spec can be stored and run, why not, and what a valid spec reads")
    sealed interface Validation permits Invalid, Valid {
        static Validation of(ValidationReport r) {
            return r.compiled() == null ? new Invalid(r.valid(), Issue.of(r.errors()), Issue.of(r.warnings()))
                    : new Valid(r.valid(), Issue.of(r.errors()), Issue.of(r.warnings()), r.spec().market(), r.spec().timeframe(),
                    r.compiled().timeframes().stream().sorted().toList(), r.compiled().triggers().stream().map(t -> t.id()).toList());
        }
    }

    record Invalid(@Doc("false: the spec cannot be stored") boolean valid, @Doc("why it is not valid") List<Issue> errors,
                   @Doc("worth a look; never invalidating") List<Issue> warnings) implements Validation {
    }

    record Valid(@Doc("true when the spec can be stored and run") boolean valid, @Doc("why it is not valid") List<Issue> errors,
                 @Doc("worth a look; never invalidating") List<Issue> warnings, @Doc("product") String market,
                 @Doc("bar length") String timeframe, @Doc("timeframes the rules read") List<String> timeframesRead,
                 @Doc("trigger ids") List<String> triggers) implements Validation {
    }

    private Future<ToolResult> list(ToolCall call) {
        return ctx.temporal().query(store(), DurableNames.StrategyStore.LIST, SpecSummary[].class)
                .map(specs -> ToolResult.ok(new Specs(Arrays.asList(specs), specs.length)));
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
            return ToolResult.ok(Spec.of(s));
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
        return Future.succeededFuture(ToolResult.ok(Validation.of(StrategySpecs.validate(json, timeframes, Instant.now()))));
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
}
