package io.tradingstack.mcp;

import io.vertx.core.Future;

import java.util.Map;
import java.util.Objects;

/**
 * One tool of the catalogue: its name and tier, what it does, the JSON Schema of its arguments,
 * whether its calls go to the audit journal, and the handler that maps it to a Temporal
 * start, signal or query. The handler sees only arguments that passed the schema.
 */
public record ToolSpec(String name, Tier tier, String description, Map<String, Object> inputSchema,
                       boolean audited, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Future<ToolResult> call(ToolCall call);
    }

    public ToolSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(tier);
        Objects.requireNonNull(description);
        Objects.requireNonNull(inputSchema);
        Objects.requireNonNull(handler);
    }

    /** Trade-tier tools are always audited. */
    public static ToolSpec of(String name, Tier tier, String description, Map<String, Object> schema, Handler handler) {
        return new ToolSpec(name, tier, description, schema, tier == Tier.TRADE, handler);
    }
}
