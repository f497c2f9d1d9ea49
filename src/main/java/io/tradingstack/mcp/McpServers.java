package io.tradingstack.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import io.tradingstack.runtime.TemporalRuntime;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Builds the MCP server of a node: its transport, the tool catalogue of the configured tiers, the SDK server. */
final class McpServers {
    /** The built server: the transport the routes serve, the SDK server, and how many tools it lists. */
    record Built(VertxStreamableServerTransportProvider transport, McpAsyncServer server, int toolCount) {
    }

    private McpServers() {
    }

    static Built build(Vertx vertx, AppContext ctx, TemporalRuntime temporal, WorkerExecutor executor) {
        AppConfig config = ctx.config();
        McpJsonMapper mapper = resultMapper();
        SessionRateLimiter limiter = new SessionRateLimiter(config.integer(ConfigKey.MCP_RATE_LIMIT_PER_MINUTE));
        VertxStreamableServerTransportProvider transport = new VertxStreamableServerTransportProvider(mapper, limiter::forget);
        WorkflowGateway gateway = new WorkflowGateway(temporal.client(), config.taskQueue(), executor);
        Set<Tier> tiers = Tier.parseAll(config.mcpTiers());
        CompiledSchemaValidator validator = new CompiledSchemaValidator();
        ToolCatalogue catalogue = new ToolCatalogue(tiers, limiter, validator,
                new AuditJournal(ctx.pool()), ctx::ready, ctx.telemetry()).metered(ctx.meters().registry());
        List<McpServerFeatures.AsyncToolSpecification> specs =
                catalogue.specifications(McpTools.all(ToolContext.of(gateway, vertx, config)));
        McpAsyncServer server = McpServer.async(transport)
                .serverInfo("trading-stack", "1.0.0")
                .instructions("Paper-trading control plane: market data, indicators, portfolio, orders. "
                        + "Every tool starts, signals or queries a Temporal workflow.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
                .validateToolInputs(false)
                .jsonSchemaValidator(validator)
                .requestTimeout(Duration.ofSeconds(60))
                .jsonMapper(mapper)
                .tools(specs)
                .build();
        return new Built(transport, server, specs.size());
    }

    /**
     * The SDK's mapper as the SDK builds it (a plain ObjectMapper), writing decimals in plain
     * notation: a fee of 1E-8 leaves as 0.00000001. Results reach it as plain values only ({@code bus.Plain}).
     */
    static McpJsonMapper resultMapper() {
        return new io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper(new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN));
    }
}
