package io.tradingstack.mcp;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.runtime.AppConfig;
import io.vertx.core.Vertx;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** What tool handlers may use: Temporal through the gateway, the bus, and the configuration. */
public record ToolContext(WorkflowGateway temporal, Vertx vertx, AppConfig config, Set<String> knownSymbols) {

    public static ToolContext of(WorkflowGateway temporal, Vertx vertx, AppConfig config) {
        return new ToolContext(temporal, vertx, config, Set.copyOf(config.marketSymbols()));
    }

    /** An error result naming the first symbol this node does not trade, or null when all are known. */
    public ToolResult unknownSymbol(Collection<String> symbols) {
        for (String s : symbols) {
            if (!knownSymbols.contains(s)) {
                return ToolResult.error(ErrorCode.MARKET_UNKNOWN_SYMBOL, "unknown symbol " + s
                        + "; this node trades " + String.join(", ", knownSymbols.stream().sorted().toList()));
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Object value) {
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }
}
