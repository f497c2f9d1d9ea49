package io.tradingstack.mcp;

import io.tradingstack.bus.PlainSchema;
import io.vertx.core.Future;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;

/**
 * One tool of the catalogue: its name and tier, what it does, the JSON Schemas of its arguments
 * and of its result, its behaviour hints, whether its calls go to the audit journal, and the
 * handler that maps it to a Temporal start, signal or query. The handler sees only arguments that
 * passed the input schema; its result is checked against the output schema on every call.
 */
public record ToolSpec(String name, Tier tier, String description, Map<String, Object> inputSchema,
                       Type resultType, Hints hints, boolean audited, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        Future<ToolResult> call(ToolCall call);
    }

    /**
     * MCP tool annotations, set truthfully: {@code readOnly} changes nothing anywhere;
     * {@code destructive} may undo or overwrite earlier state; {@code idempotent} means a repeat
     * with the same arguments has no further effect; {@code openWorld} reaches outside this stack
     * (the exchange).
     */
    public record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        /** A query of this stack's own state. */
        public static final Hints READ = new Hints(true, false, true, false);
    }

    public ToolSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(tier);
        Objects.requireNonNull(description);
        Objects.requireNonNull(inputSchema);
        Objects.requireNonNull(resultType, () -> "tool " + name + " declares no result type");
        Objects.requireNonNull(hints);
        Objects.requireNonNull(handler);
        // every string argument gets a maximum length, whether or not the tool's schema set one
        inputSchema = Schemas.bounded(inputSchema);
    }

    /**
     * A tool whose result is a value of {@code result} (a record, or e.g. {@code PlainSchema.mapOf(Row.class)}):
     * its output schema is derived from that type, and a handler answering anything else is an
     * internal error. Trade-tier tools are always audited.
     */
    public static ToolSpec of(String name, Tier tier, String description, Map<String, Object> input,
                              Type result, Hints hints, Handler handler) {
        return new ToolSpec(name, tier, description, input, result, hints,
                tier == Tier.TRADE, handler);
    }

    /** The output schema, always derived from the type that builds the result ({@link PlainSchema}). */
    public Map<String, Object> outputSchema() {
        return PlainSchema.of(resultType);
    }
}
