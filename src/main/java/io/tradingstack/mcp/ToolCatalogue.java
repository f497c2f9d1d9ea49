package io.tradingstack.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Json;
import io.tradingstack.bus.PlainSchema;
import io.tradingstack.runtime.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@link ToolSpec}s into MCP SDK tool specifications. Only tools of enabled tiers are
 * registered, so the others are neither listed nor callable. Every call passes, in order: the
 * session's rate limit, the node's readiness (NOT_READY while it starts), the argument bounds
 * ({@link ArgumentLimits}) and schema validation (a failure executes nothing), the handler, then the
 * audit journal for audited tools (rejected calls included). Each call is one span when tracing is on.
 */
public final class ToolCatalogue {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalogue.class);

    private final Set<Tier> tiers;
    private final SessionRateLimiter limiter;
    private final JsonSchemaValidator validator;
    private final AuditJournal audit;
    private final java.util.function.BooleanSupplier ready;
    private MeterRegistry meters = new SimpleMeterRegistry();
    private final ToolTracing tracing;

    public ToolCatalogue(Set<Tier> tiers, SessionRateLimiter limiter, JsonSchemaValidator validator,
                         AuditJournal audit) {
        this(tiers, limiter, validator, audit, () -> true);
    }

    /** @param ready false while the node is starting: every call then answers NOT_READY and runs nothing */
    public ToolCatalogue(Set<Tier> tiers, SessionRateLimiter limiter, JsonSchemaValidator validator,
                         AuditJournal audit, java.util.function.BooleanSupplier ready) {
        this(tiers, limiter, validator, audit, ready, io.tradingstack.runtime.Telemetry.noop());
    }

    /** @param telemetry where a span per call goes ({@code Telemetry.noop()}: none) */
    public ToolCatalogue(Set<Tier> tiers, SessionRateLimiter limiter, JsonSchemaValidator validator,
                         AuditJournal audit, java.util.function.BooleanSupplier ready,
                         io.tradingstack.runtime.Telemetry telemetry) {
        this.tiers = tiers;
        this.limiter = limiter;
        this.validator = validator;
        this.audit = audit;
        this.ready = ready;
        this.tracing = telemetry.enabled() ? new ToolTracing(telemetry) : ToolTracing.OFF;
    }

    /** Records every call's latency per tool and outcome in this registry (the node's /metrics). */
    public ToolCatalogue metered(MeterRegistry registry) {
        this.meters = registry;
        return this;
    }

    public List<McpServerFeatures.AsyncToolSpecification> specifications(Collection<ToolSpec> tools) {
        return tools.stream().filter(t -> tiers.contains(t.tier())).map(this::specification).toList();
    }

    private McpServerFeatures.AsyncToolSpecification specification(ToolSpec spec) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(spec.name())
                .description(spec.description() + " [tier: " + spec.tier().label() + "]")
                .inputSchema(spec.inputSchema())
                .outputSchema(Schemas.resultOrError(spec.outputSchema()))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .readOnlyHint(spec.hints().readOnly())
                        .destructiveHint(spec.hints().destructive())
                        .idempotentHint(spec.hints().idempotent())
                        .openWorldHint(spec.hints().openWorld())
                        .build())
                .build();
        return McpServerFeatures.AsyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> Mono.fromCompletionStage(
                        timed(spec, exchange, request).toCompletionStage()).map(this::toMcp))
                .build();
    }

    /** {@link #invoke} timed into {@code ts.mcp.tool.calls{tool, outcome}} (a histogram: latency per tool). */
    private Future<ToolResult> timed(ToolSpec spec, McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Timer.Sample sample = Timer.start(meters);
        return invoke(spec, exchange, request).onSuccess(r -> sample.stop(Timer.builder(Meters.MCP_CALLS)
                .description("MCP tool calls: latency per tool and outcome (ok or the error code)")
                .tag("tool", spec.name()).tag("outcome", r.isError() ? r.code().name() : "ok")
                .publishPercentileHistogram().register(meters)));
    }

    /** The whole pipeline of one call; never fails, every problem is an error result. */
    Future<ToolResult> invoke(ToolSpec spec, McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        String session = exchange.sessionId() == null ? "unknown" : exchange.sessionId();
        io.opentelemetry.api.trace.Span span = tracing.start(spec, session);
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        Future<ToolResult> outcome;
        if (!limiter.tryAcquire(session)) {
            outcome = Future.succeededFuture(ToolResult.error(ErrorCode.MCP_RATE_LIMITED,
                    "rate limit reached for this session", Map.of("retry_after_seconds", limiter.retryAfterSeconds())));
        } else if (!ready.getAsBoolean()) {
            outcome = Future.succeededFuture(ToolResult.error(ErrorCode.NOT_READY,
                    "the node is still starting (ledger rebuild and recovery); try again shortly"));
        } else {
            outcome = validated(spec, args).map(Future::succeededFuture)
                    .orElseGet(() -> run(spec, new ToolCall(session, args, notifier(exchange, request))));
        }
        return tracing.finish(span, spec.audited() ? outcome.compose(r -> journal(session, spec.name(), args, r)) : outcome);
    }

    /** An error result when the arguments are out of bounds or do not match the schema; nothing runs then. */
    private java.util.Optional<ToolResult> validated(ToolSpec spec, Map<String, Object> args) {
        java.util.Optional<String> outOfBounds = ArgumentLimits.check(args, ArgumentLimits.maxStringOf(spec.inputSchema()));
        if (outOfBounds.isPresent()) {
            return outOfBounds.map(why -> ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, why));
        }
        JsonSchemaValidator.ValidationResponse check = validator.validate(spec.inputSchema(), args);
        return check.valid() ? java.util.Optional.empty()
                : java.util.Optional.of(ToolResult.error(ErrorCode.MCP_BAD_ARGUMENTS, check.errorMessage()));
    }

    private Future<ToolResult> run(ToolSpec spec, ToolCall call) {
        Future<ToolResult> f;
        try {
            f = spec.handler().call(call);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        return f.map(r -> declared(spec, r)).recover(err -> {
            ErrorCode code = err instanceof CodedException c ? c.code() : ErrorCode.INTERNAL;
            if (code == ErrorCode.INTERNAL) {
                LOG.error("Tool {} failed unexpectedly", spec.name(), err);
            } else {
                LOG.info("Tool {} refused: {} {}", spec.name(), code.name(), err.getMessage());
            }
            return Future.succeededFuture(ToolResult.error(code, String.valueOf(err.getMessage())));
        });
    }

    /** A successful result must be built from the type the tool derives its schema from. */
    static ToolResult declared(ToolSpec spec, ToolResult r) {
        if (r.isError() || PlainSchema.accepts(spec.resultType(), r.builtFrom())) {
            return r;
        }
        throw new IllegalStateException("tool " + spec.name() + " answered a " + r.builtFrom()
                + " but declares its result as " + spec.resultType().getTypeName());
    }

    private Future<ToolResult> journal(String session, String tool, Map<String, Object> args, ToolResult result) {
        return audit.append(session, tool, args, result)
                .transform(ar -> {
                    if (ar.failed()) {
                        LOG.error("Audit journal append failed for {} of session {}", tool, session, ar.cause());
                    }
                    return Future.succeededFuture(result);
                });
    }

    private McpSchema.CallToolResult toMcp(ToolResult result) {
        return McpSchema.CallToolResult.builder()
                .structuredContent(result.structured())
                .addTextContent(render(result))
                .isError(result.isError())
                .build();
    }

    /** The text rendering: a one-line error summary, or the JSON of the structured content. */
    private String render(ToolResult result) {
        if (result.isError()) {
            return result.code().name() + " (" + result.code().code() + "): " + result.message();
        }
        try {
            return Json.MAPPER.writeValueAsString(result.structured());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(result.structured());
        }
    }

    private static ToolNotifier notifier(McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        return new ToolNotifier() {
            @Override
            public void progress(double progress, double total, String message) {
                if (token != null) {
                    exchange.progressNotification(new McpSchema.ProgressNotification(token, progress, total, message))
                            .subscribe(v -> { }, err -> LOG.debug("progress notification dropped: {}", err.getMessage()));
                }
            }

            @Override
            public void info(String message) {
                exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder()
                                .level(McpSchema.LoggingLevel.INFO).logger("trading-stack").data(message).build())
                        .subscribe(v -> { }, err -> LOG.debug("log notification dropped: {}", err.getMessage()));
            }
        };
    }
}
